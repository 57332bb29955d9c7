; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"stack","message":"combined stack size of 4 calls is 768. Too large","outcomes":[]}
; self recurses only when R1 is not 0; main passes 0, so do_check never enters the recursion, but
; check_max_stack_depth walks it: 256 bytes a frame pass 512 at the third call of self.
    r1 = 0
    call self
    r0 = 0
    exit
.func self static args=1
    if r1 == 0x0 goto l0
    r1 = 0
    call self
l0:
    *(u64 *)(r10 -256) = 1
    r0 = 0
    exit
