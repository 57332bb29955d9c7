; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"fp pointer offset 536870912 is not allowed","outcomes":[]}
; Two additions that move a stack pointer's fixed offset to 2^29.
    r1 = r10
    r1 += 536870911
    r1 += 1
    r0 = 0
    exit
