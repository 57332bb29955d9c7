; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R3 invalid mem access 'scalar'","outcomes":[]}
; do_check explores the fall-through of insn 1 first and rejects its read through a scalar before it
; pushes on to the taken branch's 32-bit jump (outside SPEC §3's fragment), which never matters.
.ctx 16
    r2 = *(u8 *)(r1 +0)
    if r2 > 0x5 goto far
    r3 = 0
    r0 = *(u64 *)(r3 +0)
    exit
far:
    if w2 > 0x5 goto out
out:
    r0 = 0
    exit
