; Releasing the ctx moved back 8 bytes: __check_ptr_off_reg tests the sign before the release check.
    r1 += -8
    call bpf_cpumask_release
    r0 = 0
    exit
