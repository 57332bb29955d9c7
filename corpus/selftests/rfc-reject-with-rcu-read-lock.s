; RFC v1 9/9 exceptions_fail.c reject_with_rcu_read_lock (rfc profile).
.profile rfc
    call bpf_rcu_read_lock
    call bpf_throw
