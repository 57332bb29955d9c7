; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"ref-leak","message":"BPF_EXIT instruction in main prog would lead to reference leak","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"ref-leak","message":"BPF_EXIT instruction in main prog would lead to reference leak"}
; thrower's only throw is inside an RCU region, so that throw is rejected and marks nothing (SPEC §4
; "Otherwise"): thrower is not can_throw, the call to it is a plain global call, and main's first violation
; is the reference held at its exit. path-explorer used to mark the chain before the resource check.
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    call thrower
out:
    r0 = 0
    exit
.func thrower global
    call bpf_rcu_read_lock
    r1 = 5
    call bpf_throw
    r0 = 0
    exit
