; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"f000000000000000","retval":241,"ctx":"f000000000000000"}]}
; r3 = r2 + 1 stays linked to r2. `r2 > 0xe0` makes r2 the constant 240 (its range and known bits share
; one value), and the sync gives r3 = 241: `r3 == 0xf1` is decided.
.ctx 8
.input ctx=f000000000000000
    r2 = *(u8 *)(r1 +0)
    r2 &= 240
    r3 = r2
    r3 += 1
    if r2 > 0xe0 goto hi
    r0 = 0
    exit
hi:
    if r3 == 0xf1 goto ok
    r0 = r9
    exit
ok:
    r0 = r3
    exit
