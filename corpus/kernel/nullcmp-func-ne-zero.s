; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"uninit","message":"R9 !read_ok","outcomes":[]}
; A callback address (PTR_TO_FUNC) tested against 0 before it is passed to bpf_loop: the test is not
; decided, and the fall-through's uninitialised read is explored.
.ctx 8
    r2 = cb ll
    if r2 != 0x0 goto call
    r0 = r9
    exit
call:
    r1 = 1
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    r0 = 0
    exit
