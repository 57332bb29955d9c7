; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":0,"ctx":"0000000000000000"},{"input":"0100000000000000","retval":0,"ctx":"0100000000000000"}]}
; Main may return a pointer here: as root is_pointer_value allows it and BPF_PROG_TYPE_SYSCALL has no
; return range in check_return_code. The inputs never take the branch that returns the ctx pointer.
.ctx 8
.input ctx=0000000000000000
.input ctx=0100000000000000
    r2 = *(u8 *)(r1 +0)
    r0 = 0
    if r2 != 0x7 goto out
    r0 = r1
out:
    exit
