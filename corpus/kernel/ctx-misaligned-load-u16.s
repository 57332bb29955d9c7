; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"invalid bpf_context access off=1 size=2","outcomes":[]}
; A 2-byte ctx load at an odd offset: refused by syscall_prog_is_valid_access (1-byte loads
; are never misaligned).
    r2 = *(u8 *)(r1 +1)
    r2 = *(u16 *)(r1 +1)
    r0 = 0
    exit
