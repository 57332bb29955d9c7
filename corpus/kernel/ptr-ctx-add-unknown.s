; The ctx plus an unbounded value.
    r2 = *(u64 *)(r1 +0)
    r1 += r2
    r0 = 0
    exit
