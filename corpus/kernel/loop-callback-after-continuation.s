; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"region-open","message":"BPF_EXIT instruction in main prog cannot be used inside bpf_rcu_read_lock-ed region","outcomes":[]}
; The callback returns 3 (out of [0, 1]) and the path continuing past bpf_loop leaves an RCU region open
; at main's exit. push_callback_call only pushes the callback's state; do_check goes on past the call
; first, so the first violation the kernel meets is the region at main's exit, not the callback's return.
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    call bpf_rcu_read_lock
    r0 = 0
    exit
.func cb static args=2
    r0 = 3
    exit
