; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"region-open","message":"BPF_EXIT instruction in main prog cannot be used inside bpf_preempt_disable-ed region","outcomes":[]}
; bpf_loop with count 1 whose callback disables preemption and returns. check_helper_call pushes the
; callback only while the frame's callback_depth is below the count's umax, so exactly one round runs;
; the state back from it (one preempt region open, which states_equal compares) continues past the call
; and main's exit rejects it. Each further round would open one more region: an analysis that iterates
; the callsite to a fixpoint without the round count never ends (campaign seed 401 case 14885, a hang).
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    call bpf_preempt_disable
    r0 = 0
    exit
