; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R1 subtraction from stack pointer prohibited","outcomes":[]}
; Subtracting a constant from a stack pointer, even to point lower: adjust_ptr_min_max_vals forbids it.
    r1 = r10
    r1 -= 8
    r0 = 0
    exit
