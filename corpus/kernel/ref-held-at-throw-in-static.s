; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak","outcomes":[]}
; main holds a cpumask while a static subprogram throws: the reference belongs to the whole state, so
; the throw in the callee is rejected.
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    call thrower
    r1 = r6
    call bpf_cpumask_release
out:
    r0 = 0
    exit
.func thrower static
    r1 = 3
    call bpf_throw
    exit
