; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"region-open","message":"bpf_throw cannot be used inside bpf_preempt_disable-ed region","outcomes":[]}
; bpf_throw with preemption disabled: rejected.
    call bpf_preempt_disable
    r1 = 1
    call bpf_throw
    call bpf_preempt_enable
    r0 = 0
    exit
