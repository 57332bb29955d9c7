; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"invalid bpf_context access off=60 size=8","outcomes":[]}
; An 8-byte ctx load at offset 60 is inside a 64-byte ctx but not a multiple of 8:
; syscall_prog_is_valid_access (through check_ctx_access) refuses it.
    r0 = *(u64 *)(r1 +60)
    r0 = 0
    exit
