; case expect path-explorer@rfc {"accepted":false,"class":"region-open","message":"bpf_rcu_read_unlock is missing"}
; case note rfc profile: the live kernel does not apply; model expectations only
; RFC v1 9/9 reject_subprog_with_rcu_read_lock (rfc profile): rcu lock; return throwing_subprog(ctx).
.ctx 8
.profile rfc
    r6 = r1
    call bpf_rcu_read_lock
    r1 = r6
    call throwing_subprog
    exit
.func throwing_subprog static args=1
    r2 = *(u32 *)(r1 +4)
    if r2 == 0x0 goto quiet
    call bpf_throw
quiet:
    r0 = 0
    exit
