; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"run":"declined","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak"}
; case expect path-explorer@mainline+seed-global-resources {"accepted":true,"class":null,"message":null,"throwsException":true}
; case note Linux 6.18 accepts it (seed-global-resources); SPEC §4 corrected semantics reject it at the call; with the quirk the model accepts it too
; exceptions_fail.c reject_global_subprog_throw_with_reference (newest kernels): a cpumask is held across a
; call to a global that may throw. Linux 6.18 accepts it (the seed-global-resources defect); the corrected
; semantics reject it at the call.
.ctx 8
    r6 = r1
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r7 = r0
    r1 = *(u8 *)(r6 +0)
    if r1 == 0x0 goto drop
    r1 = *(u32 *)(r6 +4)
    call global_subprog_may_throw
drop:
    r1 = r7
    call bpf_cpumask_release
out:
    r0 = 0
    exit
.func global_subprog_may_throw global args=1
    if r1 == 0x0 goto quiet
    r1 = 0
    call bpf_throw
quiet:
    r0 = 0
    exit
