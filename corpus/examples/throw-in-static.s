; A throw in a static subprogram unwinds every frame: main's caller gets the cookie (5).
.ctx 8
.input ctx=0000000000000000
.input ctx=0200000000000000
    r6 = r1
    call maybe_throw
    r0 = 3
    exit
.func maybe_throw static args=1
    r2 = *(u8 *)(r1 +0)
    if r2 == 0x0 goto quiet
    r1 = 5
    call bpf_throw
quiet:
    r0 = 0
    exit
