; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"uninit","message":"R2 !read_ok","outcomes":[]}
; An 8-byte store of the immediate 0 is a spill of a constant zero, not STACK_ZERO bytes
; (check_stack_write_fixed_off, Linux 6.8+); a plain 4-byte write into the slot scrubs the spill to
; STACK_MISC (scrub_spilled_slot), so the u32 read at fp-8 is unknown and the bad read is reached: rejected.
    *(u64 *)(r10 -8) = 0
    *(u32 *)(r10 -4) = 1
    r1 = *(u32 *)(r10 -8)
    if r1 == 0x0 goto ok
    r0 = *(u64 *)(r2 +0)
ok:
    r0 = 0
    exit
