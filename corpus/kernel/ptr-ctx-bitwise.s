; A bitwise operator on the ctx pointer.
    r1 ^= 8
    r0 = 0
    exit
