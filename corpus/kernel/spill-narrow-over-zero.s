; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R2 invalid mem access 'scalar'","outcomes":[]}
; `*(u64 *)(r10 -8) = 0` spills the constant 0; the 4-byte spill of 0 over it leaves the slot's upper
; bytes misc (save_register_state), so the 8-byte read is an unknown scalar, not 0, and the bad read is
; reachable.
    *(u64 *)(r10 -8) = 0
    *(u32 *)(r10 -8) = 0
    r2 = *(u64 *)(r10 -8)
    if r2 == 0x0 goto l0
    r0 = *(u64 *)(r2 +0)
l0:
    r0 = 0
    exit
