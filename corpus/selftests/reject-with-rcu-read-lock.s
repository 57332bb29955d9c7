; exceptions_fail.c reject_with_rcu_read_lock: bpf_rcu_read_lock(); bpf_throw(0).
    call bpf_rcu_read_lock
    r1 = 0
    call bpf_throw
    r0 = 0
    exit
