; case expect path-explorer@rfc {"accepted":true,"class":null,"message":null,"throwsException":true}
; case note rfc profile: the live kernel does not apply; model expectations only
; RFC v1 9/9 exception_throw_gfunc4 (rfc profile): throwing_gfunc_2(1) -> throwing_gfunc(1), a global that asserts its argument is 0.
.profile rfc
.input ctx=00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
    r1 = 1
    call throwing_gfunc_2
    exit
.func throwing_gfunc_2 global args=1
    call throwing_gfunc
    exit
.func throwing_gfunc global args=1
    if r1 == 0x0 goto ok
    call bpf_throw
ok:
    r0 = 1
    exit
