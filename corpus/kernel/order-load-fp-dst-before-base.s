; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"frame pointer is read only","outcomes":[]}
; A load into r10 through a scalar: the destination register is checked before the base
; pointer's type (check_load_mem, then check_mem_access).
    r2 = 0
    r10 = *(u64 *)(r2 +0)
    r0 = 0
    exit
