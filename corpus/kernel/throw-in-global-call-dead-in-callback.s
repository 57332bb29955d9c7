; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 15) cannot be called from callback subprog 2","outcomes":[]}
; The call of a throwing global is dead inside the callback, so the global is never verified
; (do_check_subprogs skips it); the static walk still follows the call and rejects the throw.
    r1 = 3
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    r0 = 0
    if r0 != 0x0 goto cl
    exit
cl:
    call g
    r0 = 0
    exit
.func g global
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
