; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"region-open","message":"BPF_EXIT instruction in main prog cannot be used inside bpf_rcu_read_lock-ed region","outcomes":[]}
; At main's exit with R0 never written and the RCU region open, process_bpf_exit_full runs
; check_resource_leak before check_return_code: the open region is reported, not `R0 !read_ok`.
    call bpf_rcu_read_lock
    exit
