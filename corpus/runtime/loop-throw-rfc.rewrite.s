; The SPEC §5 rewrite of loop-throw-rfc.s: main's bpf_loop call is outer (S=8, slot fp-16) and, being a
; bpf_loop under rfc, also checks for -528; the callback's throw is inner.
.ctx 16
.profile rfc
.input ctx=03000000000000000000000000000000
.input ctx=08000000000000000000000000000000
    r6 = r1
    call bpf_reset_exception
    r1 = r6
    r6 = r1
    *(u64 *)(r10 -8) = 0
    r1 = *(u8 *)(r6 +0)
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop#181
    *(u64 *)(r10 -16) = r0
    call bpf_get_exception
    if r0 == 0x0 goto pc+3
    call bpf_reset_exception
    r0 = 0
    exit
    r0 = *(u64 *)(r10 -16)
    if w0 != 0xfffffdf0 goto pc+3
    call bpf_reset_exception
    r0 = 0
    exit
    *(u32 *)(r6 +4) = r0
    r1 = *(u64 *)(r10 -8)
    *(u8 *)(r6 +12) = r1
    r0 = 1
    exit
.func cb static args=2
    r3 = *(u64 *)(r2 +0)
    r3 += 1
    *(u64 *)(r2 +0) = r3
    if r1 != 0x5 goto quiet
    call bpf_throw
    r0 = 0
    exit
quiet:
    r0 = 0
    exit
