; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"0000000000000000000000000000000000000000000000000000000000000000"}]}
; r9 = -(u16 value): s64 [-65535, 0], u64 and u32 unbounded (BPF_NEG as 0 - r). On `0 < r9` the u64
; range becomes [1, U64_MAX]; __reg64_deduce_bounds, the s64 range crossing the sign boundary, makes it
; [-65535, -1] in both views, and only the next __reg_deduce_bounds pass (reg_bounds_sync runs three)
; carries that into the 32-bit bounds, so the tnum gets bits 16..63 set and `r9 & 0x7fffffff` is at
; least 0x7fff0000: `< 1` is never taken and the NULL read is dead (campaign seed 401 case 49599).
.ctx 32
    r7 = *(u16 *)(r1 +20)
    r9 = r7
    r9 = -r9
    r8 = 0
    if r8 >= r9 goto out
    r7 = r9
    r7 &= 2147483647
    if r7 < 0x1 goto bad
out:
    r0 = 0
    exit
bad:
    r2 = 0
    r0 = *(u64 *)(r2 +0)
    exit
