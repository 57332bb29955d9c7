; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0500000000000000","retval":5,"ctx":"0500000000000000"},{"input":"ff00000000000000","retval":255,"ctx":"ff00000000000000"}]}
; An 8-byte spill of a value in [0, 255] filled back with a 4-byte load at the slot's start: the fill
; copies the spilled register and coerce_reg_to_size keeps its bounds (check_stack_read_fixed_off), so
; the bad read is dead.
.ctx 8
.input ctx=0500000000000000
.input ctx=ff00000000000000
    r1 = *(u8 *)(r1 +0)
    *(u64 *)(r10 -8) = r1
    r2 = *(u32 *)(r10 -8)
    if r2 <= 0xff goto l0
    r0 = *(u64 *)(r2 +0)
l0:
    r0 = r2
    exit
