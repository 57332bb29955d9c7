; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"invalid bpf_context access off=2 size=4","outcomes":[]}
; BPF_ST into the ctx (allowed for syscall programs) at off=2 size=4: misaligned, refused.
    *(u32 *)(r1 +8) = 7
    *(u32 *)(r1 +2) = 7
    r0 = 0
    exit
