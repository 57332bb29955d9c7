; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"structure","message":"unreachable insn 6","outcomes":[]}
; A 32-bit jump (outside SPEC §3's fragment) and an unreachable instruction: check_cfg runs over the whole
; program before do_check and accepts JMP32, so `unreachable insn 6` is certain and comes first.
.ctx 16
    r1 = *(u8 *)(r1 +0)
    if w1 > 0x5 goto big
    r0 = 0
    exit
big:
    r0 = 1
    exit
    r0 = 2
    exit
