; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0500000000000000","retval":1,"ctx":"0500000000000000"},{"input":"0000000000000000","retval":0,"ctx":"0000000000000000"}]}
; case expect path-explorer@mainline {"accepted":true,"class":null,"message":null,"throwsException":true}
; exceptions.c exception_assert_nz_gfunc and its bad twin: main returns assert_nz_gfunc(arg) + 1,
; arg from the ctx (good input 5, bad input 0); the global asserts on its argument.
.ctx 8
.input ctx=0500000000000000
.input ctx=0000000000000000
    r1 = *(u64 *)(r1 +0)
    call assert_nz_gfunc
    r0 += 1
    exit
.func assert_nz_gfunc global args=1
    if r1 != 0x0 goto ok
    r1 = 0
    call bpf_throw
ok:
    r0 = 0
    exit
