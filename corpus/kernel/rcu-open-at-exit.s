; main exits with the RCU read-side section still open: rejected.
    call bpf_rcu_read_lock
    r0 = 0
    exit
