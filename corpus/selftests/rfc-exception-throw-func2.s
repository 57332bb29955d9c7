; case expect path-explorer@rfc {"accepted":true,"class":null,"message":null,"throwsException":true}
; case note rfc profile: the live kernel does not apply; model expectations only
; RFC v1 9/9 exception_throw_func2 (rfc profile): throwing_func(1), a static that asserts i < 1.
.profile rfc
.input ctx=00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
    r1 = 1
    call throwing_func
    exit
.func throwing_func static args=1
    if r1 < 0x1 goto ok
    call bpf_throw
ok:
    r0 = 1
    exit
