; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"region-open","message":"BPF_EXIT instruction in main prog cannot be used inside bpf_preempt_disable-ed region","outcomes":[]}
; As bpf-loop-count-one-preempt-round.s, with a count of unknown umax (a u32 read from the ctx): the
; rounds are not bounded by the count and every one opens one more preempt region, so no fixpoint is
; reached at the callsite. The kernel meets the path continuing past the call after the first round
; (one region open) at main's exit and rejects it there; an analysis must stop iterating (fuel) and
; still report that first violation.
.ctx 8
    r1 = *(u32 *)(r1 +0)
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
