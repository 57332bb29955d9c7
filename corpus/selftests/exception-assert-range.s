; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":1,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; case expect path-explorer@mainline {"accepted":true,"class":null,"message":null,"throwsException":false}
; exceptions.c exception_assert_range: bpf_assert_range(time, 0, ~0ULL) on bpf_ktime_get_ns() can never fail:
; the verifier decides both compares, never sees the throws, and nothing is marked.
.input ctx=00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
    call bpf_ktime_get_ns#5
    if r0 >= 0x0 goto ge
    r1 = 0
    call bpf_throw
ge:
    if r0 <= 0xffffffff goto le
    r1 = 0
    call bpf_throw
le:
    r0 = 1
    exit
