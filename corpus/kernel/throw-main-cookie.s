; A throw in main: the default exception callback returns the cookie (7). The store before the throw
; reaches the ctx the kernel copies back.
.ctx 8
    *(u32 *)(r1 +0) = 85
    r1 = 7
    call bpf_throw
    exit
