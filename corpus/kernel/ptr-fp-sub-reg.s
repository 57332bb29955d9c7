; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R1 subtraction from stack pointer prohibited","outcomes":[]}
; Subtracting a known register from a stack pointer: forbidden like the constant.
    r2 = 8
    r1 = r10
    r1 -= r2
    r0 = 0
    exit
