; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"invalid bpf_context access off=6 size=4","outcomes":[]}
; A 4-byte ctx load at offset 6: off % size != 0, refused by syscall_prog_is_valid_access.
    r2 = *(u32 *)(r1 +6)
    r0 = 0
    exit
