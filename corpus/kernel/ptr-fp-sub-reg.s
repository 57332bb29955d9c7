; Subtracting a known register from a stack pointer: forbidden like the constant.
    r2 = 8
    r1 = r10
    r1 -= r2
    r0 = 0
    exit
