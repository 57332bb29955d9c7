; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"structure","message":"last insn is not an exit or jmp","outcomes":[]}
; A subprogram ending in `call bpf_throw` (allowed by the RFC's check_subprogs, not by mainline's).
    call thrower
    r0 = 0
    exit
.func thrower static
    r1 = 1
    call bpf_throw
