; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0302000000000000","retval":2,"ctx":"0302000000000000"}]}
; Two registers whose ranges overlap but whose bit 0 is known and differs (1 in r2, 0 in r3): `r2 == r3`
; cannot hold, the kernel decides it from the known bits and never explores the bad read.
.ctx 8
.input ctx=0302000000000000
    r2 = *(u8 *)(r1 +0)
    r2 |= 1
    r3 = *(u8 *)(r1 +1)
    r3 &= 254
    if r2 == r3 goto bad
    r0 = 2
    exit
bad:
    r0 = r9
    exit
