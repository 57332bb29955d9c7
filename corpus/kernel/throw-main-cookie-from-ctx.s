; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":0,"ctx":"0000000000000000"},{"input":"2a00000000000000","retval":42,"ctx":"2a00000000000000"},{"input":"ffffffff01000000","retval":4294967295,"ctx":"ffffffff01000000"}]}
; The cookie is a u64 from the ctx; the test-run reports the low 32 bits of what the program returns.
.ctx 8
.input ctx=0000000000000000
.input ctx=2a00000000000000
.input ctx=ffffffff01000000
    r1 = *(u64 *)(r1 +0)
    call bpf_throw
    exit
