; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-arg","message":"Possibly NULL pointer passed to trusted arg0","outcomes":[]}
; A known NULL (the scalar 0 on the null branch of bpf_cpumask_create's test) passed to the release kfunc:
; check_kfunc_args tests register_is_null on a trusted argument before get_kfunc_ptr_arg_type looks at
; its type, so the NULL message comes before `R1 type=scalar expected=fp` (what an unknown scalar gets).
    call bpf_cpumask_create
    if r0 != 0x0 goto out
    r1 = r0
    call bpf_cpumask_release
out:
    r0 = 0
    exit
