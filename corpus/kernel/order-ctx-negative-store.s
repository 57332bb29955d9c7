; A store through the ctx moved back 3 bytes, at a misaligned instruction offset.
    r1 += -3
    *(u32 *)(r1 +3) = 1
    r0 = 0
    exit
