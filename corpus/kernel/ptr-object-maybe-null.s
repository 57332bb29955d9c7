; Arithmetic on a cpumask before its NULL test.
    call bpf_cpumask_create
    r0 += 8
    r0 = 0
    exit
