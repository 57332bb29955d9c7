; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"invalid bpf_context access off=4 size=8","outcomes":[]}
; A register store into the ctx is checked like a load: off=4 size=8 is refused by
; syscall_prog_is_valid_access.
    r2 = 0
    *(u64 *)(r1 +4) = r2
    r0 = 0
    exit
