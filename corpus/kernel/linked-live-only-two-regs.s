; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000400000","retval":0,"ctx":"00000000000000000000000000400000"}]}
; r2, r4 = r2 - 1, r5, r6 and r7 share an id; only r2, r4 and r5 are live at `if r5 != r2`. Both operands
; collect the set: 3 + 3 entries fit in six, so no id is dropped (with dead registers counted it would
; overflow and cut r4 loose), and `r2 == 0x40` later fixes r4 = 0x3f.
.ctx 16
.input ctx=00000000000000000000000000400000
    r2 = *(u8 *)(r1 +13)
    r4 = r2
    r4 -= 1
    r5 = r2
    r6 = r2
    r7 = r2
    if r5 != r2 goto out
    if r2 != 0x40 goto out
    if r4 == 0x3f goto out
    r0 = r9
    exit
out:
    r0 = 0
    exit
