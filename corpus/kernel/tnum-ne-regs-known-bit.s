; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0102000000000000","retval":3,"ctx":"0102000000000000"}]}
; `r3 != r2` with bit 0 known 0 in r2 (shifted left) and known 1 in r3: always true, with the constant-free
; operand order reversed. The fall-through would throw with a reference held.
.ctx 8
.input ctx=0102000000000000
    r2 = *(u8 *)(r1 +0)
    r2 <<= 1
    r3 = *(u8 *)(r1 +1)
    r3 |= 1
    if r3 != r2 goto ok
    call bpf_cpumask_create
    if r0 == 0x0 goto ok
    r1 = 9
    call bpf_throw
ok:
    r0 = 3
    exit
