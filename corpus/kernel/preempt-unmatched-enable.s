; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"region-misuse","message":"unmatched attempt to enable preemption (kernel function bpf_preempt_enable)","outcomes":[]}
; An enable without a disable: rejected.
    call bpf_preempt_enable
    r0 = 0
    exit
