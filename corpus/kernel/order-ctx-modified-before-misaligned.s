; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"dereference of modified ctx ptr R1 off=8 disallowed","outcomes":[]}
; The ctx pointer moved by 8 and a misaligned offset: check_ptr_off_reg speaks before
; check_ctx_access.
    r1 += 8
    r0 = *(u64 *)(r1 +4)
    r0 = 0
    exit
