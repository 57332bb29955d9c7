; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"call-depth","message":"the call stack of 9 frames is too deep","outcomes":[]}
; A static subprogram that calls itself: the kernel has no recursion message; it runs out of frames.
    call self
    r0 = 0
    exit
.func self static
    call self
    r0 = 0
    exit
