; The rewrite of nested-throw.s WITHOUT the entry reset (SPEC §5 step 1): correct on a clean slot, wrong
; when an asynchronous callback left the slot thrown before the program started.
.ctx 16
.input ctx=00000000000000000000000000000000
.input ctx=01000000000000000000000000000000
.input ctx=02000000000000000000000000000000
    r6 = r1
    r1 = *(u8 *)(r6 +0)
    *(u64 *)(r10 -8) = r1
    r2 = r6
    call outer
    *(u64 *)(r10 -16) = r0
    call bpf_get_exception
    if r0 == 0x0 goto pc+2
    call bpf_reset_exception
    exit
    r0 = *(u64 *)(r10 -16)
    r1 = *(u64 *)(r10 -8)
    r0 += r1
    *(u32 *)(r6 +8) = r0
    exit
.func outer static args=2
    r7 = r1
    r8 = r2
    *(u64 *)(r10 -16) = r1
    call inner
    *(u64 *)(r10 -24) = r0
    call bpf_get_exception
    if r0 == 0x0 goto pc+2
    r0 = 0
    exit
    r0 = *(u64 *)(r10 -24)
    r0 += 100
    *(u8 *)(r8 +1) = r0
    if r7 != 0x2 goto out
    r1 = 22
    call bpf_throw
    r0 = 0
    exit
out:
    exit
.func inner static args=1
    if r1 != 0x1 goto quiet
    r1 = 11
    call bpf_throw
    r0 = 0
    exit
quiet:
    r0 = 5
    exit
