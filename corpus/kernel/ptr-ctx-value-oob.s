; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"value 536870912 makes ctx pointer be out of bounds","outcomes":[]}
; The ctx plus a value whose minimum is 2^29.
    r2 = *(u32 *)(r1 +0)
    r2 += 536870912
    r1 += r2
    r0 = 0
    exit
