; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"invalid read from stack R10 off=8 size=8","outcomes":[]}
; In the callback the fall-through path throws first and the taken one then reads above the frame:
; the throw ends its path in do_check, which goes on to the bad read; the callback check comes later.
    r1 = 3
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    if r1 > 0x0 goto bad
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
bad:
    r0 = *(u64 *)(r10 +8)
    r0 = 0
    exit
