; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"region-open","message":"bpf_throw cannot be used inside bpf_rcu_read_lock-ed region","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"region-open","message":"bpf_throw cannot be used inside bpf_rcu_read_lock-ed region"}
; exceptions_fail.c reject_subprog_rcu_lock_throw (2026): a static subprog takes the RCU lock and throws.
    call rcu_lock_then_throw
    r0 = 0
    exit
.func rcu_lock_then_throw static
    call bpf_rcu_read_lock
    r1 = 0
    call bpf_throw
    r0 = 0
    exit
