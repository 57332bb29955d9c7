; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"uninit","message":"R4 !read_ok","outcomes":[]}
; `r2 = r2` on a register linked through a delta also drops the link (assign_scalar_id_before_mov runs for
; any 64-bit register mov), so bounding r1 leaves r2 unknown and the bad read is reached: rejected.
    r1 = *(u32 *)(r1 +0)
    r2 = r1
    r2 += 1
    r2 = r2
    if r1 > 0x5 goto out
    if r2 > 0x6 goto bad
out:
    r0 = 0
    exit
bad:
    r0 = *(u64 *)(r4 +0)
    exit
