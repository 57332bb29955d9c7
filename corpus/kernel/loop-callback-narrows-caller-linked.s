; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":0,"ctx":"0000000000000000"}]}
; r7 is spilled to fp-8 (a link id for both) and the callback reads that slot through r2: its r8 shares
; the id. `if r7 <= r8` on two copies of one value narrows the link on its fall-through, and
; sync_linked_regs narrows the caller's r7 with it, by one each round. The kernel prunes a callback's
; return that an earlier state at the bpf_loop call covers (is_state_visited, calls_callback: states_equal
; with RANGE_WITHIN), so r7 stays in [0, 0xffff] and `r7 <= 0xffff` is always taken.
.ctx 8
    r7 = *(u16 *)(r1 +0)
    *(u64 *)(r10 -8) = r7
    r1 = *(u8 *)(r1 +2)
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop#181
    if r7 <= 0xffff goto ok
    r0 = r5
    exit
ok:
    r0 = 0
    exit
.func cb static args=2
    r8 = *(u64 *)(r2 +0)
    r7 = r8
    if r7 <= r8 goto out
out:
    r0 = 0
    exit
