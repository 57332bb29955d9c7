; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":3,"ctx":"0000000000000000"},{"input":"0100000000000000","retval":7,"ctx":"0100000000000000"}]}
; main uses 504 bytes of its stack and makes a call that throws: the call is marked (outer), and the
; rewrite's callsite slot (SPEC §5 step 3: r10 - (S + 8)) lands at r10 -512, the last slot of the frame. The kernel
; accepts the original, and a verifier the rewrite too (the boundary of rewrite-stack-512-main).
.ctx 8
.input ctx=0000000000000000
.input ctx=0100000000000000
    r2 = *(u8 *)(r1 +0)
    *(u64 *)(r10 -504) = r2
    r1 = *(u64 *)(r10 -504)
    call maybe_throw
    r0 += 1
    exit
.func maybe_throw static args=1
    if r1 == 0x0 goto quiet
    r1 = 7
    call bpf_throw
quiet:
    r0 = 2
    exit
