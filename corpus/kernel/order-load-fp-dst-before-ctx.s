; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"frame pointer is read only","outcomes":[]}
; A load into r10 through a moved ctx pointer: check_load_mem checks the destination
; register (check_reg_arg, frame pointer is read only) before the access (check_mem_access).
    r1 += 8
    r10 = *(u64 *)(r1 +0)
    r0 = 0
    exit
