; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":0,"ctx":"0000000000000000"}]}
; r8 = unknown s>> 63 is in s64 [-1, 0]; `r8 <= 0x7ffff` makes it 0 (the log shows R8=0).
; __reg32_deduce_bounds takes the s32 view [-1, 0] from the s64 range, whose upper halves 0xffffffff and 0
; are one apart in u32 arithmetic (the +1 wraps); with u32 [0, 0x7ffff] that leaves s32 [0, 0], and
; __reg_deduce_mixed_bounds (which sets the s64 bounds from the s32 ones) then keeps 0. So `r8 != 8` is
; always taken and the uninitialised read is dead.
.ctx 8
    call bpf_ktime_get_ns#5
    r8 = r0
    r8 s>>= 63
    if r8 <= 0x7ffff goto small
    r0 = 0
    exit
small:
    if r8 != 0x8 goto ok
    r0 = r5
    exit
ok:
    r0 = r8
    exit
