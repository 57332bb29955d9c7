; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"math between ctx pointer and 536870912 is not allowed","outcomes":[]}
; A constant of 2^29 or more added to a pointer.
    r1 += 536870912
    r0 = 0
    exit
