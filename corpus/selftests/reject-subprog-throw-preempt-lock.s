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
