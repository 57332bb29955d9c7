; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"ffffffffffffffff","retval":0,"ctx":"ffffffffffffffff"},{"input":"0000000000000000","retval":0,"ctx":"0000000000000000"}]}
; r8 and r9 are each in [2^63, 2^63 + 0xffffffff], so r8 + r9 wraps for every pair: Linux 6.18's
; scalar_min_max_add keeps the wrapped bounds [0, 0x1fffffffe] when every sum wraps (only a low end that
; stays with a high end that wraps is unbounded). The s64 sum overflows and the tnum alone allows
; 0x1ffffffff, so only those bounds decide `r8 <= 0x1fffffffe`: always taken, the uninitialised read is dead.
.ctx 8
.input ctx=ffffffffffffffff
.input ctx=0000000000000000
    r8 = *(u32 *)(r1 +0)
    r9 = *(u32 *)(r1 +4)
    r2 = 1
    r2 <<= 63
    r8 += r2
    r9 += r2
    r8 += r9
    r3 = 1
    r3 <<= 33
    r3 -= 2
    if r8 <= r3 goto out
    r0 = r5
    exit
out:
    r0 = 0
    exit
