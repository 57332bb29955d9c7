; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 12) cannot be called from callback subprog 2","outcomes":[]}
; A global that throws, called from a callback: the walk goes into the global too, the callback
; is on its chain.
    r1 = 3
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    call g
    r0 = 0
    exit
.func g global
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
