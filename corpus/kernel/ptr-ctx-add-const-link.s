; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"ctx pointer offset 805306368 is not allowed","outcomes":[]}
; A scalar linked to another by r2 += K keeps K in its offset field, which check_reg_sane_offset reads as
; if it were a pointer's.
    r3 = *(u64 *)(r1 +0)
    r2 = r3
    r2 += 805306368
    r1 += r2
    r0 = 0
    exit
