; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"bad-arg","message":"Possibly NULL pointer passed to trusted arg0","outcomes":[]}
; bpf_cpumask_create may return NULL: releasing without the test is rejected.
    call bpf_cpumask_create
    r1 = r0
    call bpf_cpumask_release
    r0 = 0
    exit
