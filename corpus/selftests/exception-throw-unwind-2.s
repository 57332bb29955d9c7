; exceptions.c exception_throw_unwind_2: main -> static static2global(i) -> global global2static(i), which
; throws 16 when i is ETH_P_IP and otherwise calls static_func, which throws 32. Here i is protocol - 1.
.input ctx=00080000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
.input ctx=01080000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
    r1 = *(u16 *)(r1 +0)
    r1 -= 1
    call static2global
    exit
.func static2global static args=1
    r6 = r1
    call global2static
    r0 += r6
    exit
.func global2static global args=1
    if r1 != 0x800 goto other
    r1 = 16
    call bpf_throw
other:
    call static_func
    exit
.func static_func static args=1
    r1 = 32
    call bpf_throw
    r0 = 0
    exit
