; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"value -2147483648 makes ptr_ pointer be out of bounds","outcomes":[]}
; An offset as low as -2^31 on a cpumask: reg_type_str prints the object as ptr_.
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    call bpf_get_prandom_u32#7
    r0 <<= 32
    r0 s>>= 32
    r6 += r0
    r0 = 0
out:
    exit
