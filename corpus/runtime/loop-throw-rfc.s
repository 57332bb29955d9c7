; rfc: a bpf_loop callback throws at index 5. Ctx byte 0 is the iteration count; the callback counts its
; runs in ctx byte 12 and main stores bpf_loop's result at ctx+4. A throw unwinds through bpf_loop.
.ctx 16
.profile rfc
.input ctx=03000000000000000000000000000000
.input ctx=08000000000000000000000000000000
    r6 = r1
    r1 = *(u8 *)(r6 +0)
    r2 = cb ll
    r3 = r6
    r4 = 0
    call bpf_loop#181
    *(u32 *)(r6 +4) = r0
    r0 = 1
    exit
.func cb static args=2
    r3 = *(u8 *)(r2 +12)
    r3 += 1
    *(u8 *)(r2 +12) = r3
    if r1 != 0x5 goto quiet
    call bpf_throw
quiet:
    r0 = 0
    exit
