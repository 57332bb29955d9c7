; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":3,"ctx":"0000000000000000"},{"input":"0100000000000000","retval":7,"ctx":"0100000000000000"}]}
; A static subprogram uses all 512 bytes of its stack and calls a throwing subprogram: that call is marked
; (inner) and its rewrite slot is r10 -520, outside the frame. The kernel accepts the original (main has no
; stack, so the combined stack is 512); a verifier would reject the rewrite.
.ctx 8
.input ctx=0000000000000000
.input ctx=0100000000000000
    call big
    r0 += 1
    exit
.func big static args=1
    r2 = *(u8 *)(r1 +0)
    *(u64 *)(r10 -512) = r2
    r1 = *(u64 *)(r10 -512)
    call maybe_throw
    exit
.func maybe_throw static args=1
    if r1 == 0x0 goto quiet
    r1 = 7
    call bpf_throw
quiet:
    r0 = 2
    exit
