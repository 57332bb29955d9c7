; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-return","message":"R0 not a scalar value","outcomes":[]}
; A bpf_loop callback that never writes R0: prepare_func_exit wants a scalar return (NOT_INIT is not
; one), so `R0 not a scalar value`, not `R0 !read_ok`.
    r1 = 4
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    exit
