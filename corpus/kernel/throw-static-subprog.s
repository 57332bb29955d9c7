; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":5,"ctx":"0000000000000000"}]}
; A throw in a static subprogram unwinds every frame: main's store after the call never happens and the
; program returns the cookie (5).
.ctx 8
    r6 = r1
    call thrower
    *(u8 *)(r6 +0) = 1
    r0 = 3
    exit
.func thrower static
    r1 = 5
    call bpf_throw
    exit
