; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R0 bitwise operator &= on pointer prohibited","outcomes":[]}
; A bitwise operator on a cpumask after its NULL test.
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    r0 &= 8
    r1 = r6
    call bpf_cpumask_release
out:
    r0 = 0
    exit
