; The cookie is a u64 from the ctx; the test-run reports the low 32 bits of what the program returns.
.ctx 8
.input ctx=0000000000000000
.input ctx=2a00000000000000
.input ctx=ffffffff01000000
    r1 = *(u64 *)(r1 +0)
    call bpf_throw
    exit
