; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 9) cannot be called from callback subprog 1","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 9) cannot be called from callback subprog 1"}
; exceptions_fail.c reject_exception_throw_cb: bpf_loop(5, loop_cb1, NULL, 0); loop_cb1 throws.
    r1 = 5
    r2 = loop_cb1 ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func loop_cb1 static args=2
    r1 = 0
    call bpf_throw
    r0 = 0
    exit
