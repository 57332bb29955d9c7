; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":10,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; case expect path-explorer@mainline {"accepted":true,"class":null,"message":null,"throwsException":true}
; exceptions.c exception_bad_assert_range_with: bpf_assert_range_with(time, -1000, 1000, 10) on
; bpf_ktime_get_ns() (unsigned compares: time >= 2^64 - 1000 fails) throws 10.
.input ctx=00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
    call bpf_ktime_get_ns#5
    if r0 >= 0xfffffc18 goto ge
    r1 = 10
    call bpf_throw
ge:
    if r0 <= 0x3e8 goto le
    r1 = 10
    call bpf_throw
le:
    r0 = 1
    exit
