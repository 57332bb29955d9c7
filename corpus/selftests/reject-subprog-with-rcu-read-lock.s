; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"region-open","message":"bpf_throw cannot be used inside bpf_rcu_read_lock-ed region","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"region-open","message":"bpf_throw cannot be used inside bpf_rcu_read_lock-ed region"}
; exceptions_fail.c reject_subprog_with_rcu_read_lock (2026 form): rcu lock; throwing_subprog(ctx); unlock.
.ctx 8
    r6 = r1
    call bpf_rcu_read_lock
    r1 = r6
    call throwing_subprog
    call bpf_rcu_read_unlock
    r0 = 0
    exit
.func throwing_subprog static args=1
    r2 = *(u32 *)(r1 +4)
    if r2 == 0x0 goto quiet
    r1 = 0
    call bpf_throw
quiet:
    r0 = 0
    exit
