; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 9) cannot be called from callback subprog 1","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 9) cannot be called from callback subprog 1"}
; exceptions_fail.c reject_with_cb: bpf_loop(5, subprog_cb_ref, NULL, 0) where the callback throws.
    r1 = 5
    r2 = subprog_cb_ref ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func subprog_cb_ref static args=2
    r1 = 0
    call bpf_throw
    r0 = 0
    exit
