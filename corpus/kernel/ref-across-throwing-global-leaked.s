; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"ref-leak","message":"BPF_EXIT instruction in main prog would lead to reference leak","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak"}
; case expect path-explorer@mainline+seed-global-resources {"accepted":false,"class":"ref-leak","message":"BPF_EXIT instruction in main prog would lead to reference leak"}
; A cpumask held across a call to a global subprogram that throws, and still held at main's exit. The
; corrected semantics reject it at the call (`bpf_throw would lead to reference leak`); this kernel does not
; check the call (seed-global-resources), goes on, and rejects at main's exit instead, with the same class and
; another message (campaign, run seed 7 case 166: not an ordering defect of the model).
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    r1 = 1
    call thrower
    r0 = 0
    exit
out:
    r0 = 0
    exit
.func thrower global args=1
    r1 = 5
    call bpf_throw
    r0 = 0
    exit
