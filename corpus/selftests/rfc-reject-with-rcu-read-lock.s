; case expect path-explorer@rfc {"accepted":false,"class":"region-open","message":"bpf_rcu_read_unlock is missing"}
; case note rfc profile: the live kernel does not apply; model expectations only
; RFC v1 9/9 exceptions_fail.c reject_with_rcu_read_lock (rfc profile).
.profile rfc
    call bpf_rcu_read_lock
    call bpf_throw
