; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R1 bitwise operator ^= on pointer prohibited","outcomes":[]}
; A bitwise operator on the ctx pointer.
    r1 ^= 8
    r0 = 0
    exit
