; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":8,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; main and seven nested static calls, the deepest throwing (cookie 8): eight frames is the limit,
; accepted, and the throw unwinds them all.
    call f1
    exit
.func f1 static
    call f2
    exit
.func f2 static
    call f3
    exit
.func f3 static
    call f4
    exit
.func f4 static
    call f5
    exit
.func f5 static
    call f6
    exit
.func f6 static
    call f7
    exit
.func f7 static
    r1 = 8
    call bpf_throw
    exit
