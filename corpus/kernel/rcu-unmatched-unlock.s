; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"region-misuse","message":"unmatched rcu read unlock (kernel function bpf_rcu_read_unlock)","outcomes":[]}
; An unlock without a lock: rejected.
    call bpf_rcu_read_unlock
    r0 = 0
    exit
