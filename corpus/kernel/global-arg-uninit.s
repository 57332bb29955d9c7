; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-arg","message":"Caller passes invalid args into func#1 ('g')","outcomes":[]}
; A global's argument register not written (R1 cleared by the helper call): btf_check_func_arg_match
; wants a scalar (`R1 is not a scalar`, NOT_INIT is not one) and check_func_call rejects the call; there is
; no `R1 !read_ok` first.
    call bpf_ktime_get_ns#5
    call g
    r0 = 0
    exit
.func g global args=1
    r0 = r1
    exit
