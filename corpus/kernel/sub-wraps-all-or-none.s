; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; r7 in [0, S64_MAX] minus -883245433: every difference wraps, so Linux 6.17+'s scalar_min_max_sub
; keeps the wrapped u64 range [0x34a54179, 0x8000000034a54178] (the log shows it); r7 != 0x400001 is
; then decided on both paths and the bad read is dead.
    r7 = *(u64 *)(r1 +0)
    if r7 s< 0x0 goto l7
    r7 -= -883245433
    r7 += 32767
    goto l6
l7:
    r7 s>>= 0
l6:
    if r7 != 0x400001 goto l8
    r0 = *(u64 *)(r2 +0)
l8:
    r0 = 0
    exit
