; Releasing the ctx moved 8 bytes on: a modified ctx pointer, before the release check.
    r1 += 8
    call bpf_cpumask_release
    r0 = 0
    exit
