; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000000000000000000000010000000000000000000000000000","retval":0,"ctx":"0000000000000000000000000000000000010000000000000000000000000000"},{"input":"0000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"0000000000000000000000000000000000000000000000000000000000000000"}]}
; As branch-jset-dead-fallthrough: the explored dead fall-through of `r9 & 0x7ffff` has r9 the constant
; 0 (the bounds are forgotten and rebuilt from the narrowed tnum, regs_refine_cond_op), so
; `r9 > 5`, decided from the bounds alone, is never taken there and the bad read stays dead: accepted.
.ctx 32
.input ctx=0000000000000000000000000000000000010000000000000000000000000000
.input ctx=0000000000000000000000000000000000000000000000000000000000000000
    r6 = r1
    r7 = *(u16 *)(r6 +28)
    r9 = *(u64 *)(r6 +16)
    if r9 < 0xb5 goto out
    if r7 >= r9 goto test
    r0 = 0
    exit
test:
    if r9 & 0x7ffff goto out
    if r9 > 0x5 goto bad
    r0 = 1
    exit
bad:
    r2 = 0
    r0 = *(u64 *)(r2 +0)
    exit
out:
    r0 = 0
    exit
