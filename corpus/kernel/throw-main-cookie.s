; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":7,"ctx":"5500000000000000"}]}
; A throw in main: the default exception callback returns the cookie (7). The store before the throw
; reaches the ctx the kernel copies back.
.ctx 8
    *(u32 *)(r1 +0) = 85
    r1 = 7
    call bpf_throw
    exit
