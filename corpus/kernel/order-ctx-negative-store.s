; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"negative offset ctx ptr R1 off=-3 disallowed","outcomes":[]}
; A store through the ctx moved back 3 bytes, at a misaligned instruction offset.
    r1 += -3
    *(u32 *)(r1 +3) = 1
    r0 = 0
    exit
