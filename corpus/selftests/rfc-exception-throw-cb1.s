; case expect path-explorer@rfc {"accepted":true,"class":null,"message":null,"throwsException":true}
; case note rfc profile: the live kernel does not apply; model expectations only
; RFC v1 9/9 exception_throw_cb1 (rfc profile): bpf_loop(5, loop_cb1, NULL, 0), the callback always throws;
; callbacks may throw under RFC v1, the program returns 0.
.profile rfc
.input ctx=00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
    r1 = 5
    r2 = loop_cb1 ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 1
    exit
.func loop_cb1 static args=2
    call bpf_throw
