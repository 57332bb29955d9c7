; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"run":"declined","outcomes":[]}
; A 4-byte BPF_ST at the start of a stack slot is a spill of its immediate (check_stack_write_fixed_off),
; and a 4-byte fill from there restores it: r8 is the constant 15, so the throw inside the RCU region is
; never reached and the program is accepted.
    *(u32 *)(r10 -8) = 15
    r8 = *(u32 *)(r10 -8)
    call bpf_rcu_read_lock
    if r8 >= 0x2 goto l0
    r1 = 0
    call bpf_throw
l0:
    call bpf_rcu_read_unlock
    r0 = 0
    exit
