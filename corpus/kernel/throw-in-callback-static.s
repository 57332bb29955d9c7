; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 14) cannot be called from callback subprog 2","outcomes":[]}
; The callback calls a subprogram whose throw do_check never reaches (dead branch): check_max_stack_depth
; still rejects a bpf_throw in any subprogram its walk reaches through a callback do_check entered.
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    call s
    r0 = 0
    exit
.func s static
    r0 = 0
    if r0 == 0x0 goto l1
    r1 = 3
    call bpf_throw
l1:
    r0 = 0
    exit
