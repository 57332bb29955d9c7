; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0300000000000000","retval":3,"ctx":"0300000000000000"},{"input":"0400000000000000","retval":5,"ctx":"0400000000000000"}]}
; `r2 |= 1` makes bit 0 of r2 known 1, so `r2 == 4` can never hold although 4 is inside r2's range
; [1, 255]: is_scalar_branch_taken's tnum_overlap test rules the branch out and the bad read is dead.
.ctx 8
.input ctx=0300000000000000
.input ctx=0400000000000000
    r2 = *(u8 *)(r1 +0)
    r2 |= 1
    if r2 == 0x4 goto bad
    r0 = r2
    exit
bad:
    r0 = r9
    exit
