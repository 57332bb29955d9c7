; A load through the ctx moved back 8 bytes: the sign of the offset is tested before its size.
    r1 += -8
    r0 = *(u64 *)(r1 +8)
    exit
