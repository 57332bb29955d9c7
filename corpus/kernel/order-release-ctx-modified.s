; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"dereference of modified ctx ptr R1 off=8 disallowed","outcomes":[]}
; Releasing the ctx moved 8 bytes on: a modified ctx pointer, before the release check.
    r1 += 8
    call bpf_cpumask_release
    r0 = 0
    exit
