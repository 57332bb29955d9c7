; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"variable ? access var_off=(0x0; 0xffffffffffffffff) disallowed","outcomes":[]}
; Releasing with an uninitialised R1: kfunc arguments get no check_reg_arg, so check_func_arg_reg_off
; speaks first, about the NOT_INIT register's unknown var_off (not 'R1 !read_ok').
    call bpf_ktime_get_ns#5
    call bpf_cpumask_release
    r0 = 0
    exit
