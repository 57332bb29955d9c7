; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"stack","message":"combined stack size of 2 calls is 576. Too large","outcomes":[]}
; Entering the callback the walk checks the combined stack first, then scans its instructions: the
; stack size comes before the throw.
    *(u64 *)(r10 -256) = r1
    r1 = 3
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    r1 = 0
    *(u64 *)(r10 -320) = r1
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
