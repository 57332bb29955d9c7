; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak","outcomes":[]}
; The ctx tested against a register holding 0, in both operand orders: neither test is decided, and
; the throw with a cpumask held behind the second is explored.
.ctx 8
    r6 = r1
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r7 = r0
    r2 = 0
    if r6 == r2 goto drop
    if r2 == r6 goto leak
drop:
    r1 = r7
    call bpf_cpumask_release
out:
    r0 = 0
    exit
leak:
    r1 = 5
    call bpf_throw
    exit
