; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"stack","message":"invalid read from stack R1 off=-1024 size=40","outcomes":[]}
; Releasing a stack pointer past MAX_BPF_STACK below the frame: the stack-bounds read error is the stack limit.
    r1 = r10
    r1 += -1024
    call bpf_cpumask_release
    exit
