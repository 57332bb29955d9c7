; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"math between ptr_ pointer and 2147483647 is not allowed","outcomes":[]}
; A constant of 2^29 or more on a cpumask: reg_type_str prints the object as ptr_.
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r0 &= 2147483647
out:
    exit
