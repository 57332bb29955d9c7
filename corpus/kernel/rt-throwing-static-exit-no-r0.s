; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":3,"ctx":"00aa000000000000"},{"input":"0200000000000000","retval":5,"ctx":"0200000000000000"}]}
; A throwing static subprogram whose quiet path exits without writing R0; the caller never reads R0. The
; kernel accepts and runs it. Its rewrite spills R0 into the callsite slot after the call (SPEC §5), which
; reads the unwritten R0 (a verifier would say `R0 !read_ok`; the RFC never verifies the rewrite, and the JIT
; copies whatever R0 holds): the instrumented run must still equal this run (campaign, run seed 7 case 253).
.ctx 8
.input ctx=0000000000000000
.input ctx=0200000000000000
    r6 = r1
    call maybe_throw
    *(u8 *)(r6 +1) = 170
    r0 = 3
    exit
.func maybe_throw static args=1
    r2 = *(u8 *)(r1 +0)
    if r2 == 0x0 goto quiet
    r1 = 5
    call bpf_throw
quiet:
    exit
