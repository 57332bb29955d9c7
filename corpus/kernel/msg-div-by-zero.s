; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"div by zero","outcomes":[]}
; A division by the constant 0 is rejected before the operands' types are looked at.
    r1 /= 0
    r0 = 0
    exit
