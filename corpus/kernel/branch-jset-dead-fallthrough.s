; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R2 invalid mem access 'scalar'","outcomes":[]}
; r9 is in [0xb5, 0xffff]; on the fall-through of `r9 & 0x7ffff` no value is left, but the kernel
; decides JSET from the tnum alone (is_scalar_branch_taken) and on that fall-through forgets r9's bounds
; before it narrows the tnum (regs_refine_cond_op): the tnum (0; 0xffff) loses every unknown bit, r9 is the
; constant 0 (the log shows R9=0), the fall-through is explored and its bad read rejects the program.
.ctx 32
    r6 = r1
    r7 = *(u16 *)(r6 +28)
    r9 = *(u64 *)(r6 +16)
    if r9 < 0xb5 goto out
    if r7 >= r9 goto test
    r0 = 0
    exit
test:
    if r9 & 0x7ffff goto out
    r1 = r9
    r1 += 1
    if r1 == 0x1 goto bad
    r0 = 1
    exit
bad:
    r2 = 0
    r0 = *(u64 *)(r2 +0)
    exit
out:
    r0 = 0
    exit
