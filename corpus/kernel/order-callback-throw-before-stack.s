; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"throw-in-callback","message":"bpf_throw kfunc (insn 11) cannot be called from callback subprog 1","outcomes":[]}
; The callback load comes before the call of big: its throw is reported before the combined stack
; size.
    *(u64 *)(r10 -256) = r1
    r1 = 3
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    call big
    r0 = 0
    exit
.func cb static args=2
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
.func big static
    r1 = 0
    *(u64 *)(r10 -320) = r1
    r0 = 0
    exit
