; rfc: a bpf_loop callback throws at index 5. Ctx byte 0 is the iteration count; the callback counts its
; runs in a stack slot of main (its callback ctx), which main copies to ctx byte 12 after storing
; bpf_loop's result at ctx+4. A throw unwinds through bpf_loop, so neither store happens.
.ctx 16
.profile rfc
.input ctx=03000000000000000000000000000000
.input ctx=08000000000000000000000000000000
    r6 = r1
    *(u64 *)(r10 -8) = 0
    r1 = *(u8 *)(r6 +0)
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop#181
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
quiet:
    r0 = 0
    exit
