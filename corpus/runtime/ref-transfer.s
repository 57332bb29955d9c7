; A static subprogram acquires a cpumask and hands it to its caller through the caller's stack (the
; reference transfer of the RFC v1 3/9 review thread); main releases it. With ctx byte 0 set, the
; subprogram throws (cookie 9) before acquiring anything.
.ctx 8
.input ctx=0000000000000000
.input ctx=0100000000000000
    r6 = r1
    r1 = r10
    r1 += -8
    r2 = *(u8 *)(r6 +0)
    call make_mask
    if r0 == 0x0 goto none
    r1 = *(u64 *)(r10 -8)
    call bpf_cpumask_release
    r0 = 1
    exit
none:
    r0 = 0
    exit
.func make_mask static args=2
    r6 = r1
    if r2 != 0x1 goto acquire
    r1 = 9
    call bpf_throw
acquire:
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    *(u64 *)(r6 +0) = r0
    r0 = 1
out:
    exit
