; main exits with preemption still disabled (twice, enabled once): rejected.
    call bpf_preempt_disable
    call bpf_preempt_disable
    call bpf_preempt_enable
    r0 = 0
    exit
