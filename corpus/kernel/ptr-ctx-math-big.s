; A constant of 2^29 or more added to a pointer.
    r1 += 536870912
    r0 = 0
    exit
