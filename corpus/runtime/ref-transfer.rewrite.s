; The SPEC §5 rewrite of ref-transfer.s (mainline): main's call of make_mask is outer (S=8, slot fp-16);
; the throw is inner.
.ctx 8
.input ctx=0000000000000000
.input ctx=0100000000000000
    r6 = r1
    call bpf_reset_exception
    r1 = r6
    r6 = r1
    r1 = r10
    r1 += -8
    r2 = *(u8 *)(r6 +0)
    call make_mask
    *(u64 *)(r10 -16) = r0
    call bpf_get_exception
    if r0 == 0x0 goto pc+2
    call bpf_reset_exception
    exit
    r0 = *(u64 *)(r10 -16)
    if r0 == 0x0 goto none
    r1 = *(u64 *)(r10 -8)
    call bpf_cpumask_release
    r0 = 1
    exit
none:
    r0 = 0
    exit
.func make_mask static args=2
    r6 = r1
    if r2 != 0x1 goto acquire
    r1 = 9
    call bpf_throw
    r0 = 0
    exit
acquire:
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    *(u64 *)(r6 +0) = r0
    r0 = 1
out:
    exit
