; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"uninit","message":"R9 !read_ok","outcomes":[]}
; The frame pointer (copied) tested against 0: PTR_TO_STACK is not in reg_not_null, so `r2 == 0` is
; explored and the bad read is reached.
.ctx 8
    r2 = r10
    if r2 == 0x0 goto bad
    r0 = 0
    exit
bad:
    r0 = r9
    exit
