; A shift of a stack pointer: pointer arithmetic with that operator.
    r1 = r10
    r1 s>>= 2
    r0 = 0
    exit
