; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R2 tried to subtract pointer from scalar","outcomes":[]}
; A scalar minus a pointer.
    r2 = 5
    r2 -= r10
    r0 = 0
    exit
