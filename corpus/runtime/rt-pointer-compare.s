; A referenced pointer (bpf_cpumask_create) compared with constants and registers, before and after its
; NULL test: the kernel compares the pointer's address. Each result (one ctx byte each) is the same for
; every kernel address, so the runtime decides it (src/runtime/pointer-compare.ts); the object is released
; on every path, so the program is safe to test-run.
.ctx 8
    r9 = r1
    call bpf_cpumask_create
    r6 = r0
    r2 = 0
    if r6 == 0x5 goto c0 ; before the NULL test: NULL or a kernel address, never 5
    r2 = 1
c0:
    *(u8 *)(r9 +0) = r2
    if r6 == 0x0 goto out
    r2 = 0
    if r6 <= 0x1000 goto c1 ; unsigned: above every small number
    r2 = 1
c1:
    *(u8 *)(r9 +1) = r2
    r2 = 0
    if r6 s>= 0x0 goto c2 ; signed: negative (the upper half)
    r2 = 1
c2:
    *(u8 *)(r9 +2) = r2
    r8 = 7
    r2 = 0
    if r6 != r8 goto c3 ; a scalar register
    r2 = 1
c3:
    *(u8 *)(r9 +3) = r2
    r7 = r6
    r2 = 0
    if r6 != r7 goto c4 ; the same object
    r2 = 1
c4:
    *(u8 *)(r9 +4) = r2
    r2 = 0
    if r6 == r10 goto c5 ; an object and a stack frame
    r2 = 1
c5:
    *(u8 *)(r9 +5) = r2
    r2 = 0
    if r6 & 0x80000000 goto c6 ; the immediate is sign-extended: bits 63..31
    r2 = 1
c6:
    *(u8 *)(r9 +6) = r2
    r1 = r6
    call bpf_cpumask_release
out:
    r0 = 0
    exit
