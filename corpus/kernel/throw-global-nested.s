; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":13,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; A global calls another global that always throws (cookie 13); main never sees its return.
    call first
    r0 = 1
    exit
.func first global
    call second
    r0 = 0
    exit
.func second global
    r1 = 13
    call bpf_throw
    exit
