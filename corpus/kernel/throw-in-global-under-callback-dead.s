; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 15) cannot be called from callback subprog 2","outcomes":[]}
; A global called from a callback holds a throw its own verification never reaches: still rejected
; by the static scan.
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
    r0 = 0
    if r0 != 0x0 goto thr
    exit
thr:
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
