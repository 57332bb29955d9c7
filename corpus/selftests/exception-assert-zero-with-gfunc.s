; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":1,"ctx":"0000000000000000"},{"input":"0500000000000000","retval":105,"ctx":"0500000000000000"}]}
; case expect path-explorer@mainline {"accepted":true,"class":null,"message":null,"throwsException":true}
; exceptions.c exception_assert_zero_gfunc_with and its bad twin: main returns assert_zero_gfunc_with(arg) + 1,
; arg from the ctx (good input 0, bad input 5); the global asserts on its argument and throws arg + 100.
.ctx 8
.input ctx=0000000000000000
.input ctx=0500000000000000
    r1 = *(u64 *)(r1 +0)
    call assert_zero_gfunc_with
    r0 += 1
    exit
.func assert_zero_gfunc_with global args=1
    if r1 == 0x0 goto ok
    r1 += 100
    call bpf_throw
ok:
    r0 = 0
    exit
