; The SPEC §5 rewrite of global-throw.s: the call of the global is outer (S=0, slot fp-8); the throw in
; the global is inner (a global is verified as frame 0 of a subprogram other than main).
.ctx 8
.input ctx=0000000000000000
.input ctx=0300000000000000
    r6 = r1
    call bpf_reset_exception
    r1 = r6
    r1 = *(u8 *)(r1 +0)
    call check
    *(u64 *)(r10 -8) = r0
    call bpf_get_exception
    if r0 == 0x0 goto pc+2
    call bpf_reset_exception
    exit
    r0 = *(u64 *)(r10 -8)
    r0 = 2
    exit
.func check global args=1
    if r1 == 0x0 goto ok
    r1 = 9
    call bpf_throw
    r0 = 0
    exit
ok:
    r0 = 0
    exit
