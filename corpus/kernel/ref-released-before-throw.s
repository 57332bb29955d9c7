; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":4,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; case note Returns 0 instead of 4 if bpf_cpumask_create fails (out of memory).
; The cpumask is released before the throw: accepted, and the program returns the cookie (4) when the
; allocation succeeds (it returns 0 if it fails).
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r1 = r0
    call bpf_cpumask_release
    r1 = 4
    call bpf_throw
out:
    r0 = 0
    exit
