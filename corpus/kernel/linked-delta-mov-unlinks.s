; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"uninit","message":"R4 !read_ok","outcomes":[]}
; `r3 = r2` with r2 linked to r1 through a delta (r2 = r1 + 1) first drops r2's link and gives r2 and r3 a
; fresh one (assign_scalar_id_before_mov: one delta per link), so bounding r1 says nothing about r3 and
; the bad read is reached: rejected. An engine that copies the delta along keeps r3 <= 6 and accepts.
    r1 = *(u32 *)(r1 +0)
    r2 = r1
    r2 += 1
    r3 = r2
    if r1 > 0x5 goto out
    if r3 > 0x6 goto bad
out:
    r0 = 0
    exit
bad:
    r0 = *(u64 *)(r4 +0)
    exit
