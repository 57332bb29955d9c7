; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"uninit","message":"R9 !read_ok","outcomes":[]}
; A callback address compared with a register holding 0, the zero on the left: `r3 == r2` is explored.
.ctx 8
    r2 = cb ll
    r3 = 0
    if r3 == r2 goto bad
    r1 = 1
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
bad:
    r0 = r9
    exit
.func cb static args=2
    r0 = 0
    exit
