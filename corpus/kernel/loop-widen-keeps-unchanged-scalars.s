; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; The inner bpf_loop's callback refines cb2's linked index (r7 and its spill) on each round, so its
; callsite keeps producing new states until widening. widen_imprecise_scalars widens only scalars that
; changed (maybe_widen_reg keeps regs_exact ones): main's NULL ctx in R3 stays 0 and main's bpf_loop
; stays valid when cb2 returns to it.
    r1 = 1
    r2 = cb2 ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb2 static args=2
    r7 = r1
    r1 = 1
    r2 = cb3 ll
    *(u64 *)(r10 -8) = r7
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop#181
    r0 = 1
    exit
.func cb3 static args=2
    r7 = r1
    r8 = *(u64 *)(r2 +0)
    if r7 > r8 goto l4
    r8 s>>= 1
l4:
    if r7 <= r8 goto l7
    r8 = 0
l7:
    r7 += 262145
    if r7 s> 0x201 goto l9
    goto l8
l9:
    r7 = r7
l8:
    r0 = 0
    exit
