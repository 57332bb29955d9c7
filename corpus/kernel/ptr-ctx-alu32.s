; 32-bit arithmetic on the ctx pointer.
    w1 += 8
    r0 = 0
    exit
