; A throw in main (cookie 7) when ctx byte 0 is non-zero, else 1.
.ctx 8
.input ctx=0000000000000000
.input ctx=0100000000000000
    r6 = r1
    r1 = *(u8 *)(r6 +0)
    if r1 == 0x0 goto done
    r1 = 7
    call bpf_throw
done:
    r0 = 1
    exit
