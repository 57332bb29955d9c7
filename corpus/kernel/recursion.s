; A static subprogram that calls itself: the kernel has no recursion message; it runs out of frames.
    call self
    r0 = 0
    exit
.func self static
    call self
    r0 = 0
    exit
