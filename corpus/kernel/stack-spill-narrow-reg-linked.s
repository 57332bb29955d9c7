; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; A u16 value spilled with a 4-byte store fits, so the spill shares a link id with r1
; (assign_scalar_id_before_mov in check_stack_write_fixed_off); the branch on r1 bounds the spilled copy
; too (sync_linked_regs), and the u16 fill keeps it: r2 <= 5, the bad read stays dead, accepted.
    r1 = *(u16 *)(r1 +0)
    *(u32 *)(r10 -8) = r1
    if r1 > 0x5 goto out
    r2 = *(u16 *)(r10 -8)
    if r2 > 0x5 goto bad
out:
    r0 = 0
    exit
bad:
    r0 = *(u64 *)(r3 +0)
    exit
