; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 12) cannot be called from callback subprog 1","outcomes":[]}
; A bpf_throw in a bpf_loop callback that value tracking never reaches (r0 is 0): do_check passes,
; then check_max_stack_depth_subprog scans every instruction of a subprogram entered as a callback
; (is_cb, set by push_callback_call) and rejects the throw.
    r1 = 3
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    r0 = 0
    if r0 != 0x0 goto thr
    exit
thr:
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
