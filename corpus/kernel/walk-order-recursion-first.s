; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"call-depth","message":"the call stack of 8 frames is too deep !","outcomes":[]}
; check_max_stack_depth walks main's instructions in order: the dead self-call comes before the callback
; load, so the depth is reported, not the throw in the callback.
    r0 = 0
    if r0 == 0x0 goto l0
    call self
l0:
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    r0 = 0
    if r0 == 0x0 goto l1
    r1 = 3
    call bpf_throw
l1:
    r0 = 0
    exit
.func self static
    call self
    r0 = 0
    exit
