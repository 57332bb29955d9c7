; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"region-open","message":"bpf_throw cannot be used inside bpf_rcu_read_lock-ed region","outcomes":[]}
; bpf_throw inside an RCU read-side section: rejected.
    call bpf_rcu_read_lock
    r1 = 1
    call bpf_throw
    call bpf_rcu_read_unlock
    r0 = 0
    exit
