; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"1500000000000000","retval":1,"ctx":"1500000000000000"},{"input":"f000000000000000","retval":1,"ctx":"f000000000000000"}]}
; The low nibble of r2 is known 0 and 0x15's is 5: `r2 != 0x15` always holds, so the fall-through (a
; throw holding a cpumask) is dead. The range [0, 240] alone cannot tell.
.ctx 8
.input ctx=1500000000000000
.input ctx=f000000000000000
    r2 = *(u8 *)(r1 +0)
    r2 &= 240
    if r2 != 0x15 goto ok
    call bpf_cpumask_create
    if r0 == 0x0 goto ok
    r1 = 7
    call bpf_throw
ok:
    r0 = 1
    exit
