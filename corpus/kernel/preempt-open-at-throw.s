; bpf_throw with preemption disabled: rejected.
    call bpf_preempt_disable
    r1 = 1
    call bpf_throw
    call bpf_preempt_enable
    r0 = 0
    exit
