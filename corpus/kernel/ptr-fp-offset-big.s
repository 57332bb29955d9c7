; Two additions that move a stack pointer's fixed offset to 2^29.
    r1 = r10
    r1 += 536870911
    r1 += 1
    r0 = 0
    exit
