; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R2 pointer += pointer prohibited","outcomes":[]}
; Adding two pointers.
    r2 = r10
    r2 += r1
    r0 = 0
    exit
