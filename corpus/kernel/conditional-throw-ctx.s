; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":1,"ctx":"0000000000000000"},{"input":"0500000000000000","retval":1,"ctx":"0500000000000000"},{"input":"0600000000000000","retval":42,"ctx":"0600000000000000"}]}
; Throw only when the first ctx byte is above 5; otherwise return 1. Both branches are verified.
.ctx 8
.input ctx=0000000000000000
.input ctx=0500000000000000
.input ctx=0600000000000000
    r2 = *(u8 *)(r1 +0)
    if r2 > 0x5 goto throw
    r0 = 1
    exit
throw:
    r1 = 42
    call bpf_throw
    exit
