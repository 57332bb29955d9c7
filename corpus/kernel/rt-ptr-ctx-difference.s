; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000","retval":4294967288,"ctx":"0800000000000000f8ffffff00000000"}]}
; Two pointers into the ctx: their difference is the difference of their offsets whatever the ctx's address
; (adjust_reg_min_max_vals lets root subtract pointers), and the 32-bit difference its low half,
; zero-extended. Both go into the ctx; the program returns ctx - (ctx + 8).
.ctx 16
.input ctx=00000000000000000000000000000000
    r2 = r1
    r2 += 8
    r3 = r2
    r3 -= r1
    *(u64 *)(r1 +0) = r3
    r4 = r1
    w4 -= w2
    *(u64 *)(r1 +8) = r4
    r0 = r1
    r0 -= r2
    exit
