; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-return","message":"cannot return stack pointer to the caller","outcomes":[]}
; A static subprogram returning the caller's frame pointer: prepare_func_exit refuses any stack pointer.
    r1 = r10
    call s
    r0 = 0
    exit
.func s static args=1
    r0 = r1
    exit
