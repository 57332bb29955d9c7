; main -> outer -> inner; inner throws (cookie 11) when ctx[0] is 1, outer throws (cookie 22) when it is
; 2; otherwise every frame returns normally and main returns 33.
.ctx 8
.input ctx=0000000000000000
.input ctx=0100000000000000
.input ctx=0200000000000000
    r6 = r1
    call outer
    *(u8 *)(r6 +7) = 119
    r0 = 33
    exit
.func outer static args=1
    r7 = r1
    call inner
    r2 = *(u8 *)(r7 +0)
    if r2 != 0x2 goto done
    r1 = 22
    call bpf_throw
done:
    r0 = 0
    exit
.func inner static args=1
    r2 = *(u8 *)(r1 +0)
    if r2 != 0x1 goto done_inner
    r1 = 11
    call bpf_throw
done_inner:
    r0 = 0
    exit
