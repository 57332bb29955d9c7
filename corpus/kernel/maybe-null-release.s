; bpf_cpumask_create may return NULL: releasing without the test is rejected.
    call bpf_cpumask_create
    r1 = r0
    call bpf_cpumask_release
    r0 = 0
    exit
