; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak","outcomes":[]}
; A stack pointer with an offset (fp-16) tested `!= 0`: not decided, the fall-through throws with a
; reference held and the kernel rejects at that throw.
.ctx 8
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    r2 = r10
    r2 += -16
    if r2 != 0x0 goto drop
    r1 = 3
    call bpf_throw
drop:
    r1 = r6
    call bpf_cpumask_release
out:
    r0 = 0
    exit
