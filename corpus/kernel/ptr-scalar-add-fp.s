; A scalar plus the frame pointer is a stack pointer: the store through it is read back.
    r2 = -8
    r2 += r10
    *(u64 *)(r2 +0) = 3
    r0 = *(u64 *)(r10 -8)
    exit
