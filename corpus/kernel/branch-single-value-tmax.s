; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0500000000000000","retval":0,"ctx":"0500000000000000"},{"input":"f500000000000000","retval":240,"ctx":"f500000000000000"}]}
; r2 is a multiple of 16 in [0, 240]; `r2 > 0xe0` leaves the range [225, 240], in which the tnum admits
; only 240 (its largest member): __update_reg64_bounds makes r2 the constant 240 (the log shows R2=240),
; so the later `r2 != 0xf0` is decided and the bad read is dead. The throw's cookie is r2.
.ctx 8
.input ctx=0500000000000000
.input ctx=f500000000000000
    r2 = *(u8 *)(r1 +0)
    r2 &= 240
    if r2 > 0xe0 goto hi
    r0 = 0
    exit
hi:
    if r2 != 0xf0 goto bad
    r1 = r2
    call bpf_throw
    exit
bad:
    r0 = r9
    exit
