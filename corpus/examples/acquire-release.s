; An acquired cpumask (a reference, maybe NULL until tested) released on the non-NULL branch.
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r1 = r0
    call bpf_cpumask_release
out:
    r0 = 0
    exit
