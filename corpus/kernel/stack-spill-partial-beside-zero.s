; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"uninit","message":"R3 !read_ok","outcomes":[]}
; fp-4..-1 are STACK_ZERO, then a 4-byte spill of the constant 0 at fp-8 keeps them (save_register_state
; leaves STACK_ZERO bytes); an 8-byte read of half spill and half zero bytes is neither a fill nor all
; zeros (check_stack_read_fixed_off), so r2 is unknown and the bad read is reached: rejected.
    r1 = 0
    *(u32 *)(r10 -4) = r1
    *(u32 *)(r10 -8) = 0
    r2 = *(u64 *)(r10 -8)
    if r2 == 0x0 goto ok
    r0 = *(u64 *)(r3 +0)
ok:
    r0 = 0
    exit
