; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":1,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; case note Returns 0 instead of 1 if bpf_cpumask_create fails (out of memory).
; A static subprogram acquires a cpumask and returns it; the reference flows back to main, which
; releases it. Returns 1 when the allocation succeeded, 0 otherwise.
    call make_mask
    if r0 == 0x0 goto none
    r1 = r0
    call bpf_cpumask_release
    r0 = 1
    exit
none:
    r0 = 0
    exit
.func make_mask static
    call bpf_cpumask_create
    exit
