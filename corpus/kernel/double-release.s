; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"bad-arg","message":"R1 type=scalar expected=fp","outcomes":[]}
; The second release sees R1 as a scalar (calls clobber R1-R5): rejected.
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    r1 = r6
    call bpf_cpumask_release
    r1 = r6
    call bpf_cpumask_release
out:
    r0 = 0
    exit
