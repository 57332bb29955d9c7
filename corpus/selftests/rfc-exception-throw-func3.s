; case expect path-explorer@rfc {"accepted":true,"class":null,"message":null,"throwsException":false}
; case note rfc profile: the live kernel does not apply; model expectations only
; RFC v1 9/9 exception_throw_func3 (rfc profile): throwing_func_2(0) -> throwing_func(0), a static that asserts i < 1.
.profile rfc
.input ctx=00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
    r1 = 0
    call throwing_func_2
    exit
.func throwing_func_2 static args=1
    call throwing_func
    exit
.func throwing_func static args=1
    if r1 < 0x1 goto ok
    call bpf_throw
ok:
    r0 = 1
    exit
