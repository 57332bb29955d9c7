; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R1 invalid mem access 'func'","outcomes":[]}
; A load through a callback address.
    r1 = cb ll
    r0 = *(u64 *)(r1 +0)
    exit
.func cb static args=2
    r0 = 0
    exit
