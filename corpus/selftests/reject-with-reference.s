; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak"}
; exceptions_fail.c reject_with_reference: an object is acquired (here a cpumask), then bpf_throw(0).
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r1 = 0
    call bpf_throw
out:
    r0 = 0
    exit
