; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"9cffffffffffffff","retval":1,"ctx":"9cffffffffffffff"},{"input":"6400000000000000","retval":0,"ctx":"6400000000000000"}]}
; case expect path-explorer@mainline {"accepted":true,"class":null,"message":null,"throwsException":true}
; exceptions.c exception_assert_neg_gfunc and its bad twin: main returns assert_neg_gfunc(arg) + 1,
; arg from the ctx (good input -100, bad input 100); the global asserts on its argument.
.ctx 8
.input ctx=9cffffffffffffff
.input ctx=6400000000000000
    r1 = *(u64 *)(r1 +0)
    call assert_neg_gfunc
    r0 += 1
    exit
.func assert_neg_gfunc global args=1
    if r1 s< 0x0 goto ok
    r1 = 0
    call bpf_throw
ok:
    r0 = 0
    exit
