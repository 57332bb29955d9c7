; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"uninit","message":"R9 !read_ok","outcomes":[]}
; The ctx pointer is never NULL at run time, but reg_not_null does not list PTR_TO_CTX: is_branch_taken
; leaves `r1 != 0` open, the fall-through is explored and its uninitialised read rejects the program.
.ctx 8
    if r1 != 0x0 goto ok
    r0 = r9
    exit
ok:
    r0 = 0
    exit
