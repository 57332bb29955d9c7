; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; A 4-byte store of a scalar register at an aligned offset spills the whole register even when its value
; does not fit (the link is dropped), and the 4-byte fill cuts it: 0x100000005 reads back as 5, accepted.
    r1 = 0x100000005 ll
    *(u32 *)(r10 -8) = r1
    r2 = *(u32 *)(r10 -8)
    if r2 == 0x5 goto ok
    r0 = *(u64 *)(r3 +0)
ok:
    r0 = 0
    exit
