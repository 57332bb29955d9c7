; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R1 32-bit pointer arithmetic prohibited","outcomes":[]}
; 32-bit arithmetic on the ctx pointer.
    w1 += 8
    r0 = 0
    exit
