; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; A 2-byte fill from the first byte of a 4-byte spilled constant copies the constant and cuts it to two
; bytes (bpf_stack_narrow_access_ok, then coerce_reg_to_size): 0x10005 reads as 5, accepted.
    *(u32 *)(r10 -8) = 65541
    r1 = *(u16 *)(r10 -8)
    if r1 == 0x5 goto ok
    r0 = *(u64 *)(r2 +0)
ok:
    r0 = 0
    exit
