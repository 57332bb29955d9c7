; A global subprogram that throws (cookie 9) when its argument is non-zero; main returns 2 otherwise.
.ctx 8
.input ctx=0000000000000000
.input ctx=0300000000000000
    r1 = *(u8 *)(r1 +0)
    call check
    r0 = 2
    exit
.func check global args=1
    if r1 == 0x0 goto ok
    r1 = 9
    call bpf_throw
ok:
    r0 = 0
    exit
