; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R2 invalid mem access 'scalar'","outcomes":[]}
; main reaches only the call of g2 (r7 is a u8, `r7 s> 0xff` is never taken); g2 calls g1, an earlier
; global. do_check_subprogs verifies g2 in its first pass and g1 (called only now) in a second one, so
; g1's bad read rejects the program. g3 comes first in index order, but its call is never reached, so it
; is not verified and its bad stack read is not the one reported.
    r6 = r1
    r7 = *(u8 *)(r6 +34)
    if r7 s> 0xff goto far
    r1 = 1
    call g2
    r0 = 0
    exit
far:
    r1 = 1
    call g3
    r0 = 0
    exit
.func g3 global args=1
    r0 = *(u64 *)(r10 +8)
    exit
.func g1 global args=1
    r2 = 0
    r0 = *(u64 *)(r2 +0)
    exit
.func g2 global args=1
    r1 = 2
    call g1
    r0 = 0
    exit
