; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; The callback address is loaded but the bpf_loop call is dead by value: push_callback_call never
; runs, the subprogram is not is_cb, and check_max_stack_depth_subprog lets its throw be.
    r2 = cb ll
    r0 = 0
    if r0 != 0x0 goto lp
    exit
lp:
    r1 = 3
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
