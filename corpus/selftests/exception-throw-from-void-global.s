; exceptions.c exception_throw_from_void_global: a (void) global throws 11; main returns 0 after it.
.input ctx=00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
    call throw_11
    r0 = 0
    exit
.func throw_11 global
    r1 = 11
    call bpf_throw
    r0 = 0
    exit
