; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"math between ptr_ pointer and register with unbounded min value is not allowed","outcomes":[]}
; An offset with unbounded min on a cpumask: reg_type_str prints the object as ptr_.
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    call bpf_get_prandom_u32#7
    r0 <<= 30
    r6 += r0
    r0 = 0
out:
    exit
