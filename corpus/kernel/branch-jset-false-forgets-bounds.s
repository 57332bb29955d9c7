; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R2 invalid mem access 'scalar'","outcomes":[]}
; r9 >= 0xb5, then `r9 & 0x7ffff` is 0 on the fall-through. The negated JSET forgets r9's bounds before it
; narrows the tnum (regs_refine_cond_op, Linux 6.18), so only the tnum is left: r9 == 0 is possible for
; the verifier and the bad read is reached, though no value takes that path.
.ctx 32
    r9 = *(u64 *)(r1 +16)
    if r9 < 0xb5 goto out
    if r9 & 0x7ffff goto out
    if r9 == 0x0 goto bad
    r0 = 0
    exit
bad:
    r2 = 0
    r0 = *(u64 *)(r2 +0)
    exit
out:
    r0 = 0
    exit
