; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"uninit","message":"R9 !read_ok","outcomes":[]}
; The ctx pointer spilled to the stack and filled back keeps its type: its NULL test is still open.
.ctx 8
    *(u64 *)(r10 -8) = r1
    r2 = *(u64 *)(r10 -8)
    if r2 == 0x0 goto bad
    r0 = 0
    exit
bad:
    r0 = r9
    exit
