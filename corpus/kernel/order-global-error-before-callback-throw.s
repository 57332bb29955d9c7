; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"invalid read from stack R10 off=8 size=8","outcomes":[]}
; do_check_subprogs runs before check_max_stack_depth: the global's bad read is reported, not the
; throw in the callback.
    r1 = 3
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    call g
    r0 = 0
    exit
.func cb static args=2
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
.func g global
    r0 = *(u64 *)(r10 +8)
    exit
