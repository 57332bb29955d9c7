; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"run":"declined","outcomes":[]}
; Preempt regions nest (counted); balanced, then a throw: accepted. Declined for test-running by the
; engine's safety check (it calls bpf_preempt_disable).
    call bpf_preempt_disable
    call bpf_preempt_disable
    call bpf_preempt_enable
    call bpf_preempt_enable
    r1 = 8
    call bpf_throw
    exit
