; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"math between ctx pointer and register with unbounded min value is not allowed","outcomes":[]}
; The ctx plus an unbounded value.
    r2 = *(u64 *)(r1 +0)
    r1 += r2
    r0 = 0
    exit
