; RCU sections do not nest here: the second lock is rejected.
    call bpf_rcu_read_lock
    call bpf_rcu_read_lock
    call bpf_rcu_read_unlock
    call bpf_rcu_read_unlock
    r0 = 0
    exit
