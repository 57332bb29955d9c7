; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"run":"declined","outcomes":[]}
; case note Accepted; declined only because the safety check is conservative (acquire + global call).
; A cpumask held across a call to a global subprogram that never throws: accepted, and still declined for
; test-running by the conservative safety check (acquire + global call).
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    r1 = 1
    call quiet
    r1 = r6
    call bpf_cpumask_release
out:
    r0 = 0
    exit
.func quiet global args=1
    r0 = r1
    exit
