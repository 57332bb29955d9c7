; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000","retval":1,"ctx":"00000000000000000000000000000000"},{"input":"01000000000000000000000000000000","retval":1,"ctx":"01000000000000000000000000000000"},{"input":"02000000000000000000000000000000","retval":1,"ctx":"02000000000000000000000000000000"},{"input":"03000000000000000500000000000000","retval":0,"ctx":"03000000000000000500000000000000"},{"input":"04000000000000000500000000000000","retval":0,"ctx":"04000000000000000500000000000000"},{"input":"04000000000000000000000000000000","retval":0,"ctx":"04000000000000000000000000000000"}]}
; case expect path-explorer@mainline {"accepted":true,"class":null,"message":null,"throwsException":true}
; exceptions.c exception_throw_subprog: switch (ctx->protocol) calls a static subprog (1), a global one (2),
; a throwing static one (3, throws 0 when ctx->tstamp), a throwing global one (4); the default throws 1.
; ctx: protocol u8 at 0, tstamp u64 at 8.
.ctx 16
.input ctx=00000000000000000000000000000000
.input ctx=01000000000000000000000000000000
.input ctx=02000000000000000000000000000000
.input ctx=03000000000000000500000000000000
.input ctx=04000000000000000500000000000000
.input ctx=04000000000000000000000000000000
    r6 = r1
    r2 = *(u8 *)(r6 +0)
    if r2 == 0x1 goto one
    if r2 == 0x2 goto two
    if r2 == 0x3 goto three
    if r2 == 0x4 goto four
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
one:
    r1 = r6
    call subprog
    exit
two:
    r1 = *(u64 *)(r6 +8)
    call global_subprog
    exit
three:
    r1 = r6
    call throwing_subprog
    exit
four:
    r1 = *(u64 *)(r6 +8)
    call throwing_global_subprog
    exit
.func subprog static args=1
    r0 = *(u8 *)(r1 +0)
    exit
.func global_subprog global args=1
    r0 = r1
    r0 += 1
    exit
.func throwing_subprog static args=1
    r2 = *(u64 *)(r1 +8)
    if r2 == 0x0 goto quiet
    r1 = 0
    call bpf_throw
quiet:
    r0 = 0
    exit
.func throwing_global_subprog global args=1
    if r1 == 0x0 goto quiet2
    r1 = 0
    call bpf_throw
quiet2:
    r0 = 0
    exit
