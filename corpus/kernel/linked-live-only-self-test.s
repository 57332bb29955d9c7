; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000860000","retval":0,"ctx":"00000000000000000000000000860000"}]}
; Five registers share r2's id. `if r5 != r5` collects the linked set twice (once per operand). 6.18
; collects only the registers live at the jump (r4, r5, r6): 3 + 3 entries fit the six-entry set, no id
; is dropped, and r6 == 127 later still fixes r4 = 133 through the link. Counting the dead r2 and r7 too,
; the second pass would overflow and cut r4, r5 and r6 loose.
.ctx 16
.input ctx=00000000000000000000000000860000
    r2 = *(u8 *)(r1 +13)
    r4 = r2
    r4 -= 1
    r5 = r2
    r6 = r2
    r6 -= 7
    r7 = r2
    r7 += 1
    if r5 != r5 goto test
    r0 = 0
    exit
test:
    if r6 != 0x7f goto out
    if r4 == 0x85 goto out
    r0 = r9
    exit
out:
    r0 = 0
    exit
