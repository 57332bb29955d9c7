; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"ffffffffffffffff","retval":1,"ctx":"ffffffffffffffff"},{"input":"0100000000000000","retval":0,"ctx":"0100000000000000"}]}
; case expect path-explorer@mainline {"accepted":true,"class":null,"message":null,"throwsException":true}
; exceptions.c exception_assert_negeq_gfunc and its bad twin: main returns assert_negeq_gfunc(arg) + 1,
; arg from the ctx (good input -1, bad input 1); the global asserts on its argument.
.ctx 8
.input ctx=ffffffffffffffff
.input ctx=0100000000000000
    r1 = *(u64 *)(r1 +0)
    call assert_negeq_gfunc
    r0 += 1
    exit
.func assert_negeq_gfunc global args=1
    if r1 s<= 0xffffffff goto ok
    r1 = 0
    call bpf_throw
ok:
    r0 = 0
    exit
