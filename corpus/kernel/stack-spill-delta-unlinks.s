; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"uninit","message":"R4 !read_ok","outcomes":[]}
; An 8-byte spill of r2, linked to r1 through a delta, drops that link before the spill shares a fresh one
; with r2 (assign_scalar_id_before_mov in check_stack_write_fixed_off), so bounding r1 says nothing about
; the filled r3 and the bad read is reached: rejected.
    r1 = *(u32 *)(r1 +0)
    r2 = r1
    r2 += 1
    *(u64 *)(r10 -8) = r2
    if r1 > 0x5 goto out
    r3 = *(u64 *)(r10 -8)
    if r3 > 0x6 goto bad
out:
    r0 = 0
    exit
bad:
    r0 = *(u64 *)(r4 +0)
    exit
