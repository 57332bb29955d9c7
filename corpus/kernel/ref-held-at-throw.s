; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak","outcomes":[]}
; A cpumask still held when bpf_throw is called: rejected (the throw would leak it).
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    r1 = 1
    call bpf_throw
    r1 = r6
    call bpf_cpumask_release
out:
    r0 = 0
    exit
