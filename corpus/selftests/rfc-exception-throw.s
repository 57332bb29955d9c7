; case expect path-explorer@rfc {"accepted":true,"class":null,"message":null,"throwsException":true}
; case note rfc profile: the live kernel does not apply; model expectations only
; RFC v1 9/9 exceptions.c exception_throw (rfc profile): if (ctx->data) bpf_throw(); return 1.
.ctx 8
.profile rfc
.input ctx=0000000000000000
.input ctx=0100000000000000
    r1 = *(u32 *)(r1 +0)
    if r1 == 0x0 goto out
    call bpf_throw
out:
    r0 = 1
    exit
