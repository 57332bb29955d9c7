; A bitwise operator on a callback address.
    r2 = cb ll
    r2 &= 8
    r0 = 0
    exit
.func cb static args=2
    r0 = 0
    exit
