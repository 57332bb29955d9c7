; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"cannot spill pointers to stack into stack frame of the caller","outcomes":[]}
; A static callee stores its own frame pointer into its caller's frame.
    r1 = r10
    r1 += -8
    call f
    r0 = 0
    exit
.func f static args=1
    r2 = r10
    *(u64 *)(r1 +0) = r2
    r0 = 0
    exit
