; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-return","message":"cannot return stack pointer to the caller","outcomes":[]}
; A bpf_loop callback returning its ctx argument, a pointer into main's stack: prepare_func_exit refuses any
; stack pointer before it looks at a callback's return value.
    r1 = 1
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    r0 = r2
    exit
