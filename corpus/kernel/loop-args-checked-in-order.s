; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-arg","message":"R3 type=ptr_ expected=fp","outcomes":[]}
; bpf_loop with R3 a cpumask and R4 never written: check_helper_call runs check_func_arg argument by
; argument (check_reg_arg, then the type), so R3's wrong type is reported before R4's `!read_ok`.
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    r1 = 1
    r2 = cb ll
    r3 = r6
    call bpf_loop#181
    r1 = r6
    call bpf_cpumask_release
out:
    r0 = 0
    exit
.func cb static args=2
    r0 = 0
    exit
