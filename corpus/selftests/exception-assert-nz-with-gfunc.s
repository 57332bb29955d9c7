; exceptions.c exception_assert_nz_gfunc_with and its bad twin: main returns assert_nz_gfunc_with(arg) + 1,
; arg from the ctx (good input 5, bad input 0); the global asserts on its argument and throws arg + 100.
.ctx 8
.input ctx=0500000000000000
.input ctx=0000000000000000
    r1 = *(u64 *)(r1 +0)
    call assert_nz_gfunc_with
    r0 += 1
    exit
.func assert_nz_gfunc_with global args=1
    if r1 != 0x0 goto ok
    r1 += 100
    call bpf_throw
ok:
    r0 = 0
    exit
