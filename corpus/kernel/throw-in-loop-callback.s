; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 9) cannot be called from callback subprog 1","outcomes":[]}
; bpf_throw inside a bpf_loop callback: rejected under mainline.
    r1 = 3
    r2 = cb ll
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
