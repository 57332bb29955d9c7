; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"region-misuse","message":"nested rcu read lock (kernel function bpf_rcu_read_lock)","outcomes":[]}
; RCU sections do not nest here: the second lock is rejected.
    call bpf_rcu_read_lock
    call bpf_rcu_read_lock
    call bpf_rcu_read_unlock
    call bpf_rcu_read_unlock
    r0 = 0
    exit
