; Releasing a stack pointer that covers sizeof(struct bpf_cpumask): the memory check passes and the
; release check rejects it.
    r1 = r10
    r1 += -48
    call bpf_cpumask_release
    r0 = 0
    exit
