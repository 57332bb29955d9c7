; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"call-depth","message":"the call stack of 8 frames is too deep !","outcomes":[]}
; A self-call that do_check never reaches: check_max_stack_depth walks every call of every subprogram it
; reaches from main, with no recursion check, and runs out of frames.
    r0 = 0
    if r0 == 0x0 goto l0
    call self
l0:
    exit
.func self static
    call self
    r0 = 0
    exit
