; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"R0 invalid mem access 'ptr_or_null_'","outcomes":[]}
; A load through a cpumask before its NULL test.
    call bpf_cpumask_create
    r0 = *(u64 *)(r0 +0)
    r0 = 0
    exit
