; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"invalid read from stack R1 off=-8 size=40","outcomes":[]}
; Releasing a stack pointer with fewer than sizeof(struct bpf_cpumask) bytes below it: a stack read error.
    r1 = r10
    r1 += -8
    call bpf_cpumask_release
    r0 = 0
    exit
