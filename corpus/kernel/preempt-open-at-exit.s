; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"region-open","message":"BPF_EXIT instruction in main prog cannot be used inside bpf_preempt_disable-ed region","outcomes":[]}
; main exits with preemption still disabled (twice, enabled once): rejected.
    call bpf_preempt_disable
    call bpf_preempt_disable
    call bpf_preempt_enable
    r0 = 0
    exit
