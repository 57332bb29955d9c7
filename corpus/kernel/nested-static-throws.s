; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":33,"ctx":"0000000000000077"},{"input":"0100000000000000","retval":11,"ctx":"0100000000000000"},{"input":"0200000000000000","retval":22,"ctx":"0200000000000000"}]}
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
