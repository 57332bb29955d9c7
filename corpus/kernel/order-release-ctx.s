; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-arg","message":"release kernel function bpf_cpumask_release expects refcounted PTR_TO_BTF_ID","outcomes":[]}
; Releasing the unmoved ctx: a syscall program's ctx passes check_mem_reg for the kfunc's struct argument,
; so check_kfunc_args ends with the release rule (no reference was released), not a type mismatch.
    call bpf_cpumask_release
    r0 = 0
    exit
