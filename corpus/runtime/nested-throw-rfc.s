; nested-throw.s under the rfc profile: bpf_throw() takes no cookie and the program returns 0.
.ctx 16
.profile rfc
.input ctx=00000000000000000000000000000000
.input ctx=01000000000000000000000000000000
.input ctx=02000000000000000000000000000000
    r6 = r1
    r1 = *(u8 *)(r6 +0)
    *(u64 *)(r10 -8) = r1
    r2 = r6
    call outer
    r1 = *(u64 *)(r10 -8)
    r0 += r1
    *(u32 *)(r6 +8) = r0
    exit
.func outer static args=2
    r7 = r1
    r8 = r2
    *(u64 *)(r10 -16) = r1
    call inner
    r0 += 100
    *(u8 *)(r8 +1) = r0
    if r7 != 0x2 goto out
    r1 = 22
    call bpf_throw
out:
    exit
.func inner static args=1
    if r1 != 0x1 goto quiet
    r1 = 11
    call bpf_throw
quiet:
    r0 = 5
    exit
