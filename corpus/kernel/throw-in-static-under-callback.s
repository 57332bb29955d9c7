; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 12) cannot be called from callback subprog 2","outcomes":[]}
; A throw reached in a static subprogram the callback calls: the message names the subprogram
; holding the throw (2), not the callback (1).
    r1 = 3
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    call sub
    r0 = 0
    exit
.func sub static
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
