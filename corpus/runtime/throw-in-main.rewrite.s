; The SPEC §5 rewrite of throw-in-main.s: an outer throw becomes r0 = r1; exit (mainline).
.ctx 8
.input ctx=0000000000000000
.input ctx=0100000000000000
    r6 = r1
    call bpf_reset_exception
    r1 = r6
    r6 = r1
    r1 = *(u8 *)(r6 +0)
    if r1 == 0x0 goto done
    r1 = 7
    r0 = r1
    exit
done:
    r0 = 1
    exit
