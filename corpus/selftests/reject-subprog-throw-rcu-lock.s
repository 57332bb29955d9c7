; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"region-open","message":"bpf_throw cannot be used inside bpf_rcu_read_lock-ed region","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"region-open","message":"bpf_throw cannot be used inside bpf_rcu_read_lock-ed region"}
; exceptions_fail.c reject_subprog_throw_rcu_lock (2026): rcu lock; always_throws(); rcu unlock.
    call bpf_rcu_read_lock
    call always_throws
    call bpf_rcu_read_unlock
    r0 = 0
    exit
.func always_throws static
    r1 = 0
    call bpf_throw
    r0 = 0
    exit
