; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0400000000000000","retval":0,"ctx":"0400000000000000"}]}
; As in linked-delta-bounds-sync, but the later test is on a bit: after the sync r6 is in [3, 14] with
; known bits (0x0; 0xf), so `r6 & 0x10` is decided false and the throw holding a cpumask is dead.
.ctx 8
.input ctx=0400000000000000
    r3 = *(u8 *)(r1 +0)
    r4 = r3
    r4 -= 7
    r6 = r3
    r6 += 3
    if r4 s> 0x4 goto out
    if r6 & 0x10 goto leak
out:
    r0 = 0
    exit
leak:
    call bpf_cpumask_create
    if r0 == 0x0 goto none
    r1 = 1
    call bpf_throw
none:
    r0 = 0
    exit
