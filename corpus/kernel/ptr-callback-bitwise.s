; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R2 bitwise operator &= on pointer prohibited","outcomes":[]}
; A bitwise operator on a callback address.
    r2 = cb ll
    r2 &= 8
    r0 = 0
    exit
.func cb static args=2
    r0 = 0
    exit
