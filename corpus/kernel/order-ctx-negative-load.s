; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"negative offset ctx ptr R1 off=-8 disallowed","outcomes":[]}
; A load through the ctx moved back 8 bytes: the sign of the offset is tested before its size.
    r1 += -8
    r0 = *(u64 *)(r1 +8)
    exit
