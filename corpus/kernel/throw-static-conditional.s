; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":3,"ctx":"00aa000000000000"},{"input":"0200000000000000","retval":5,"ctx":"0200000000000000"}]}
; A static subprogram throws when the first ctx byte is non-zero, else returns 0 and main writes 0xaa
; into the ctx and returns 3.
.ctx 8
.input ctx=0000000000000000
.input ctx=0200000000000000
    r6 = r1
    call maybe_throw
    *(u8 *)(r6 +1) = 170
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
