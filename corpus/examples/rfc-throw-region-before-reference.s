; case expect path-explorer@rfc {"accepted":false,"class":"region-open","message":"bpf_rcu_read_unlock is missing"}
; case note rfc profile: the live kernel does not apply; model expectations only
; A throw holding a reference inside an RCU region: the RFC's process_bpf_exit_full checks the RCU region
; before check_reference_leak, so the region is reported (mainline's check_resource_leak reports the
; reference first).
.profile rfc
    call bpf_cpumask_create
    call bpf_rcu_read_lock
    call bpf_throw
