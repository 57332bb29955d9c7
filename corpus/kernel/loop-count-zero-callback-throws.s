; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; bpf_loop with a count of 0 (in main: inside a static subprogram this WARNs in this kernel): the
; verifier pushes the callback only while callback_depth < umax of R1, so the callback is never
; entered, never marked is_cb, and its throw is not rejected.
    r1 = 0
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
