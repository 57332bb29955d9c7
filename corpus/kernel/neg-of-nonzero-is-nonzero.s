; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000200000000000","retval":1,"ctx":"00000000000000000000200000000000"},{"input":"00000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000"}]}
; The taken `r7 & r8` with r7 = 0x200000 sets bit 21 of r8's tnum, so r8 >= 0x200000. `r8 = -r8` is
; 0 - r8 (BPF_NEG): both ends of the unsigned difference wrap, and Linux 6.18's scalar_min_max_sub keeps
; wrapped bounds when every difference wraps (only a low end that wraps with a high end that does not
; is unbounded), so -r8 is in [1, 0xffffffffffe00000] and `r8 > 0` is always taken.
.ctx 16
.input ctx=00000000000000000000200000000000
.input ctx=00000000000000000000000000000000
    r9 = *(u64 *)(r1 +8)
    r7 = 2097152
    r8 = r9
    if r7 & r8 goto bit
    r0 = 0
    exit
bit:
    r8 = -r8
    if r8 > 0x0 goto ok
    r0 = r5
    exit
ok:
    r0 = 1
    exit
