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
