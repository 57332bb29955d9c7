; A load through a callback address.
    r1 = cb ll
    r0 = *(u64 *)(r1 +0)
    exit
.func cb static args=2
    r0 = 0
    exit
