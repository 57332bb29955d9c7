; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":3,"ctx":"0000000000000000"},{"input":"0b00000000000000","retval":14,"ctx":"0b00000000000000"}]}
; r4 = r3 - 7 and r6 = r3 + 3 are linked to r3 with constant deltas. `r4 s<= 4` bounds r4 to [-7, 4];
; sync_linked_regs computes r6 = r4 + 10 and then runs reg_bounds_sync, so r6's unsigned range is [3, 14]
; (without the sync it would keep [0, U64_MAX]) and `r6 <= 0x100` is decided.
.ctx 8
.input ctx=0000000000000000
.input ctx=0b00000000000000
    r3 = *(u8 *)(r1 +0)
    r4 = r3
    r4 -= 7
    r6 = r3
    r6 += 3
    if r4 s<= 0x4 goto small
    r0 = 0
    exit
small:
    if r6 <= 0x100 goto ok
    r0 = r9
    exit
ok:
    r0 = r6
    exit
