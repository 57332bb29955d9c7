; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 13) cannot be called from callback subprog 1","outcomes":[]}
; A subprogram both called directly from main and used as a bpf_loop callback: is_cb belongs to the
; subprogram, so its (dead) throw is rejected already on the walk through the direct call.
    call cb
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
