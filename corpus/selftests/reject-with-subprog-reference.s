; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak"}
; exceptions_fail.c reject_with_subprog_reference: return subprog_ref(ctx) + 1, where the static subprog
; acquires an object and, when it is not NULL, throws.
    call subprog_ref
    r0 += 1
    exit
.func subprog_ref static args=1
    call bpf_cpumask_create
    if r0 != 0x0 goto got
    r0 = 0
    exit
got:
    r1 = 0
    call bpf_throw
    r0 = 0
    exit
