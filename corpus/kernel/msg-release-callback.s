; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-arg","message":"R1 type=func expected=fp","outcomes":[]}
; Releasing a callback address: it is not memory to check_mem_reg.
    r1 = cb ll
    call bpf_cpumask_release
    r0 = 0
    exit
.func cb static args=2
    r0 = 0
    exit
