; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak","outcomes":[]}
; The reference a static subprogram returns is still held at main's throw: rejected.
    call make_mask
    if r0 == 0x0 goto none
    r1 = 2
    call bpf_throw
none:
    r0 = 0
    exit
.func make_mask static
    call bpf_cpumask_create
    exit
