; Arithmetic on a non-NULL referenced object (PTR_TO_BTF_ID takes it): the pointer moved by 16 is 16 past
; the object whatever its address, and moved back it can be released (offset 0). Returns 16.
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    r7 = r0
    r7 += 16
    r8 = r7
    r8 -= r6
    r6 += 16
    r6 -= 16
    r1 = r6
    call bpf_cpumask_release
    r0 = r8
    exit
out:
    r0 = 0
    exit
