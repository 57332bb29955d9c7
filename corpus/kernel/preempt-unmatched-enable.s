; An enable without a disable: rejected.
    call bpf_preempt_enable
    r0 = 0
    exit
