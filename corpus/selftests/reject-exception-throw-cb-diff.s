; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 18) cannot be called from callback subprog 1","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 18) cannot be called from callback subprog 1"}
; exceptions_fail.c reject_exception_throw_cb_diff: ctx->protocol ? bpf_loop(loop_cb1) : bpf_loop(loop_cb2);
; both callbacks throw.
.ctx 8
    r1 = *(u16 *)(r1 +0)
    if r1 == 0x0 goto two
    r1 = 5
    r2 = loop_cb1 ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    goto out
two:
    r1 = 5
    r2 = loop_cb2 ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
out:
    r0 = 0
    exit
.func loop_cb1 static args=2
    r1 = 0
    call bpf_throw
    r0 = 0
    exit
.func loop_cb2 static args=2
    r1 = 0
    call bpf_throw
    r0 = 0
    exit
