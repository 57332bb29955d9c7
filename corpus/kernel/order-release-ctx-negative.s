; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-access","message":"negative offset ctx ptr R1 off=-8 disallowed","outcomes":[]}
; Releasing the ctx moved back 8 bytes: __check_ptr_off_reg tests the sign before the release check.
    r1 += -8
    call bpf_cpumask_release
    r0 = 0
    exit
