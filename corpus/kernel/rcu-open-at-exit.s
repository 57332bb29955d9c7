; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"region-open","message":"BPF_EXIT instruction in main prog cannot be used inside bpf_rcu_read_lock-ed region","outcomes":[]}
; main exits with the RCU read-side section still open: rejected.
    call bpf_rcu_read_lock
    r0 = 0
    exit
