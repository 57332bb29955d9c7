; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"invalid bpf_context access off=3 size=2","outcomes":[]}
; A 2-byte register store at an odd ctx offset: refused by syscall_prog_is_valid_access.
    r2 = 1
    *(u16 *)(r1 +3) = r2
    r0 = 0
    exit
