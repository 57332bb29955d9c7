; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"1000000000000000","retval":0,"ctx":"1000000000000000"},{"input":"9000000000000000","retval":0,"ctx":"9000000000000000"}]}
; r2 is in {0, 16, 128, 144}; after the two tests its range is [16, 100], where only umin (16) is a member
; of the tnum: the register becomes the constant 16 and `r2 != 0x10` is decided.
.ctx 8
.input ctx=1000000000000000
.input ctx=9000000000000000
    r2 = *(u8 *)(r1 +0)
    r2 &= 144
    if r2 < 0x10 goto out
    if r2 > 0x64 goto out
    if r2 != 0x10 goto bad
out:
    r0 = 0
    exit
bad:
    r0 = r9
    exit
