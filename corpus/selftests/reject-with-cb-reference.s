; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak"}
; exceptions_fail.c reject_with_cb_reference: a cpumask is held while bpf_loop runs a callback that throws;
; do_check sees the reference at the throw before the callback rule is checked.
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    r1 = 5
    r2 = subprog_cb_ref ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r1 = r6
    call bpf_cpumask_release
out:
    r0 = 0
    exit
.func subprog_cb_ref static args=2
    r1 = 0
    call bpf_throw
    r0 = 0
    exit
