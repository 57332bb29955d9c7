; A division by the constant 0 is rejected before the operands' types are looked at.
    r1 /= 0
    r0 = 0
    exit
