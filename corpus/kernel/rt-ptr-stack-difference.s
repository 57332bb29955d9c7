; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":23,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; scalar += frame pointer is a stack pointer at that offset (adjust_ptr_min_max_vals); a write through it
; lands at fp-16, and fp minus it is 16 whatever the frame's address. Returns 16 + 7.
    r2 = -16
    r2 += r10
    *(u64 *)(r2 +0) = 7
    r0 = r10
    r0 -= r2
    r3 = *(u64 *)(r10 -16)
    r0 += r3
    exit
