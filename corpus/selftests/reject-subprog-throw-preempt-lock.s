; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"region-open","message":"bpf_throw cannot be used inside bpf_preempt_disable-ed region","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"region-open","message":"bpf_throw cannot be used inside bpf_preempt_disable-ed region"}
; exceptions_fail.c reject_subprog_throw_preempt_lock (2026): preemption disabled; always_throws(); enabled.
    call bpf_preempt_disable
    call always_throws
    call bpf_preempt_enable
    r0 = 0
    exit
.func always_throws static
    r1 = 0
    call bpf_throw
    r0 = 0
    exit
