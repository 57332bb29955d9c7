; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R2 invalid mem access 'scalar'","outcomes":[]}
; `r3 = r2` after `r2 += 5`: assign_scalar_id_before_mov drops r2's link to r1 (a link carries one delta)
; and gives r2 a new one, so `r1 > 10` failing no longer bounds r2 and the bad read is reachable.
.ctx 8
    r1 = *(u8 *)(r1 +0)
    r2 = r1
    r2 += 5
    r3 = r2
    if r1 > 0xa goto l0
    if r2 <= 0xf goto l0
    r0 = *(u64 *)(r2 +0)
l0:
    r0 = 0
    exit
