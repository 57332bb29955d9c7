; A cpumask never released: rejected at main's exit.
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r0 = 0
    exit
out:
    r0 = 0
    exit
