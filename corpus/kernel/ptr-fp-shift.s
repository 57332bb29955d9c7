; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R1 pointer arithmetic with s>>= operator prohibited","outcomes":[]}
; A shift of a stack pointer: pointer arithmetic with that operator.
    r1 = r10
    r1 s>>= 2
    r0 = 0
    exit
