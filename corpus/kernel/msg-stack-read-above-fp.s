; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"invalid read from stack R10 off=8 size=8","outcomes":[]}
; A read above the frame pointer: check_stack_access_within_bounds rejects it with EACCES, a bad
; access (only an offset past MAX_BPF_STACK below the frame is the stack limit).
    r0 = *(u64 *)(r10 +8)
    exit
