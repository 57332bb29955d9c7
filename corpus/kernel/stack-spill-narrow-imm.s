; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; A 4-byte store of an immediate at an 8-byte aligned offset is a spill of that constant
; (check_stack_write_fixed_off, bpf_capable), and a fill of the same size copies it
; (check_stack_read_fixed_off), so r9 s>= r8 is 0 s>= 15, never taken: the bad read stays dead, accepted.
; An engine that keeps the store as plain bytes reads an unknown u32 and rejects.
    r9 = 0
    *(u32 *)(r10 -24) = 15
    r8 = *(u32 *)(r10 -24)
    if r9 s>= r8 goto bad
    r0 = 0
    exit
bad:
    r0 = *(u64 *)(r2 +0)
    exit
