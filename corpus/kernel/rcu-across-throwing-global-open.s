; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"region-open","message":"BPF_EXIT instruction in main prog cannot be used inside bpf_rcu_read_lock-ed region","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"region-open","message":"bpf_throw cannot be used inside bpf_rcu_read_lock-ed region"}
; case expect path-explorer@mainline+seed-global-resources {"accepted":false,"class":"region-open","message":"BPF_EXIT instruction in main prog cannot be used inside bpf_rcu_read_lock-ed region"}
; An RCU read-side region open across a call to a global subprogram that throws, and still open at main's
; exit: the corrected semantics reject it at the call, this kernel (seed-global-resources) at main's exit,
; with the same class and another message (campaign, run seed 11).
    call bpf_rcu_read_lock
    r1 = 1
    call thrower
    r0 = 0
    exit
.func thrower global args=1
    r1 = 5
    call bpf_throw
    r0 = 0
    exit
