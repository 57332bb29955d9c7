; A subprogram ending in `call bpf_throw` (allowed by the RFC's check_subprogs, not by mainline's).
    call thrower
    r0 = 0
    exit
.func thrower static
    r1 = 1
    call bpf_throw
