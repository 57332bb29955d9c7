; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":2,"ctx":"0000000000000000"},{"input":"0300000000000000","retval":9,"ctx":"0300000000000000"}]}
; A global subprogram is verified once with an unknown argument; it throws (cookie 9) when its argument
; is non-zero. A throw there unwinds main too.
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
