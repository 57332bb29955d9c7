; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; An 8-byte spill of an unlinked scalar gives it a link id first (assign_scalar_id_before_mov), so the
; later branch on r1 bounds the spilled copy (sync_linked_regs): the filled r2 is <= 5, accepted.
    r1 = *(u32 *)(r1 +0)
    *(u64 *)(r10 -8) = r1
    if r1 > 0x5 goto out
    r2 = *(u64 *)(r10 -8)
    if r2 > 0x5 goto bad
out:
    r0 = 0
    exit
bad:
    r0 = *(u64 *)(r3 +0)
    exit
