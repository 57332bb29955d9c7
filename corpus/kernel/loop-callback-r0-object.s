; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-return","message":"R0 not a scalar value","outcomes":[]}
; A bpf_loop callback returning the cpumask it acquired: at a callback's exit the references are not
; checked (check_reference_leak skips a nested frame), prepare_func_exit rejects the non-scalar R0.
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    call bpf_cpumask_create
    exit
