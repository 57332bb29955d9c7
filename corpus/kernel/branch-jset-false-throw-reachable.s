; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":0,"ctx":"0000000000000000"},{"input":"0001000000000000","retval":0,"ctx":"0001000000000000"}]}
; The negated JSET forgets r9 >= 0x100 (regs_refine_cond_op), so the throw below `r9 > 0x10` is on an
; explored path: the subprogram can throw and its call is marked, though no value reaches the throw.
.ctx 8
.input ctx=0000000000000000
.input ctx=0001000000000000
    r1 = *(u64 *)(r1 +0)
    call s
    r0 = 0
    exit
.func s static args=1
    r9 = r1
    if r9 < 0x100 goto out
    if r9 & 0x6 goto out
    if r9 > 0x10 goto out
    r1 = 1
    call bpf_throw
out:
    r0 = 0
    exit
