; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0300000000000000","retval":0,"ctx":"0300000000000000"},{"input":"0900000000000000","retval":0,"ctx":"0900000000000000"}]}
; A 4-byte spill of a value that fits 32 bits keeps it linked to its source (check_stack_write_fixed_off
; calls assign_scalar_id_before_mov) and the 4-byte fill shares the link: `r2 > 4` failing bounds r1
; too, so the bad read is dead.
.ctx 8
.input ctx=0300000000000000
.input ctx=0900000000000000
    r1 = *(u32 *)(r1 +0)
    *(u32 *)(r10 -8) = r1
    r2 = *(u32 *)(r10 -8)
    if r2 > 0x4 goto l0
    if r1 <= 0x4 goto l0
    r0 = *(u64 *)(r2 +0)
l0:
    r0 = 0
    exit
