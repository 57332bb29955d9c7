; exceptions.c exception_assert_neg_gfunc_with and its bad twin: main returns assert_neg_gfunc_with(arg) + 1,
; arg from the ctx (good input -100, bad input 100); the global asserts on its argument and throws arg + 100.
.ctx 8
.input ctx=9cffffffffffffff
.input ctx=6400000000000000
    r1 = *(u64 *)(r1 +0)
    call assert_neg_gfunc_with
    r0 += 1
    exit
.func assert_neg_gfunc_with global args=1
    if r1 s< 0x0 goto ok
    r1 += 100
    call bpf_throw
ok:
    r0 = 0
    exit
