; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R0 pointer arithmetic on ptr_or_null_ prohibited, null-check it first","outcomes":[]}
; Arithmetic on a cpumask before its NULL test.
    call bpf_cpumask_create
    r0 += 8
    r0 = 0
    exit
