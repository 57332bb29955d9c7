; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; r7 s>>= 63 is in [-1, 0]: __reg32_deduce_bounds compares the upper halves as u32, 0xffffffff
; followed by 0, so s32 is [-1, 0] too (the log: smin=smin32=-1,smax=smax32=0). On `r7 < 0x100001`
; r7 is then 0, `r7 s> 4` is never taken and the bad read is dead.
    r7 = *(u64 *)(r1 +0)
    r7 s>>= 63
    if r7 < 0x100001 goto l8
    r0 = 0
l8:
    if r7 s> 0x4 goto l11
    goto l10
l11:
    r0 = *(u64 *)(r2 +0)
l10:
    r0 = 0
    exit
