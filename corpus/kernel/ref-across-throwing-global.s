; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"run":"declined","outcomes":[]}
; case note Accepted by this kernel although the global throws with the cpumask held (SPEC §8, seed-global-resources); test-running it would leak the cpumask, so the safety check declines.
; A cpumask held across a call to a global subprogram that throws. This kernel accepts it (the call is
; not checked for held resources: the seed-global-resources defect) and would leak the cpumask at run
; time, so the engine's safety check must decline to test-run it.
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    r1 = 1
    call thrower
    r1 = r6
    call bpf_cpumask_release
out:
    r0 = 0
    exit
.func thrower global args=1
    r1 = 5
    call bpf_throw
    r0 = 0
    exit
