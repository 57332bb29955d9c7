; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"region-open","message":"bpf_throw cannot be used inside bpf_rcu_read_lock-ed region","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"region-open","message":"bpf_throw cannot be used inside bpf_rcu_read_lock-ed region"}
; exceptions_fail.c reject_with_rcu_read_lock: bpf_rcu_read_lock(); bpf_throw(0).
    call bpf_rcu_read_lock
    r1 = 0
    call bpf_throw
    r0 = 0
    exit
