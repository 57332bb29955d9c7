; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"stack","message":"combined stack size of 2 calls is 576. Too large","outcomes":[]}
; The walk of check_max_stack_depth_subprog meets the call of big (combined stack 576) before the
; callback load, so the stack size is reported, not the throw in the callback.
    *(u64 *)(r10 -256) = r1
    call big
    r1 = 3
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func big static
    r1 = 0
    *(u64 *)(r10 -320) = r1
    r0 = 0
    exit
.func cb static args=2
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
