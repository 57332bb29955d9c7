; Releasing a stack pointer with fewer than sizeof(struct bpf_cpumask) bytes below it: a stack read error.
    r1 = r10
    r1 += -8
    call bpf_cpumask_release
    r0 = 0
    exit
