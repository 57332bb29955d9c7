; A load through a cpumask before its NULL test.
    call bpf_cpumask_create
    r0 = *(u64 *)(r0 +0)
    r0 = 0
    exit
