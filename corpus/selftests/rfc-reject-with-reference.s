; case expect path-explorer@rfc {"accepted":false,"class":"ref-leak","message":"Unreleased reference id=2 alloc_insn=0"}
; case note rfc profile: the live kernel does not apply; model expectations only
; RFC v1 9/9 exceptions_fail.c reject_with_reference (rfc profile): an object held at bpf_throw().
.profile rfc
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    call bpf_throw
out:
    r0 = 0
    exit
