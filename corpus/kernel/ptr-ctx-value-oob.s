; The ctx plus a value whose minimum is 2^29.
    r2 = *(u32 *)(r1 +0)
    r2 += 536870912
    r1 += r2
    r0 = 0
    exit
