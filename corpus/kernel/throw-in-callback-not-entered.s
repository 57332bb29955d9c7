; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; The callback's throw is in a subprogram that no reached bpf_loop call enters: is_cb is set by
; push_callback_call during do_check, so check_max_stack_depth does not reject it.
    r0 = 0
    if r0 == 0x0 goto l0
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
l0:
    r0 = 0
    exit
.func cb static args=2
    r1 = 3
    call bpf_throw
    r0 = 0
    exit
