; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"ref-leak","message":"BPF_EXIT instruction in main prog would lead to reference leak","outcomes":[]}
; A cpumask never released: rejected at main's exit.
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r0 = 0
    exit
out:
    r0 = 0
    exit
