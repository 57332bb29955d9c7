; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"math between fp pointer and register with unbounded min value is not allowed","outcomes":[]}
; A stack pointer and-ed with an unknown value: check_reg_sane_offset rejects the unbounded offset
; before the operator is looked at.
    r2 = *(u64 *)(r1 +0)
    r1 = r10
    r1 &= r2
    r0 = 0
    exit
