; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"2000000000000000","retval":32,"ctx":"2000000000000000"},{"input":"2500000000000000","retval":32,"ctx":"2500000000000000"}]}
; r2 is a multiple of 16; after `r2 <= 0x10` and `r2 > 0x28` fail its range is [17, 40]: umin is not a
; member, the next member (32) is in range and the one after (48) is not, so r2 is the constant 32.
.ctx 8
.input ctx=2000000000000000
.input ctx=2500000000000000
    r2 = *(u8 *)(r1 +0)
    r2 &= 240
    if r2 <= 0x10 goto out
    if r2 > 0x28 goto out
    if r2 != 0x20 goto bad
    r0 = r2
    exit
out:
    r0 = 0
    exit
bad:
    r0 = r9
    exit
