; An unlock without a lock: rejected.
    call bpf_rcu_read_unlock
    r0 = 0
    exit
