; case expect path-explorer@rfc {"accepted":false,"class":"ref-leak","message":"Unreleased reference id=2 alloc_insn=8"}
; case note rfc profile: the live kernel does not apply; model expectations only
; The callback keeps a reference it acquired and returns 2. The RFC's process_bpf_exit_full runs
; check_reference_leak before prepare_func_exit, and in a callback's frame it reports the references
; the callback acquired itself (callback_ref), so the leak comes before the return range.
.profile rfc
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    call bpf_cpumask_create
    r0 = 2
    exit
