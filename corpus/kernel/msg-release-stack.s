; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-arg","message":"release kernel function bpf_cpumask_release expects refcounted PTR_TO_BTF_ID","outcomes":[]}
; Releasing a stack pointer that covers sizeof(struct bpf_cpumask): the memory check passes and the
; release check rejects it.
    r1 = r10
    r1 += -48
    call bpf_cpumask_release
    r0 = 0
    exit
