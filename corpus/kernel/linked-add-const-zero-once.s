; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"uninit","message":"R5 !read_ok","outcomes":[]}
; `r9 -= 0` links r9 to r6 with the BPF_ADD_CONST flag and a delta of 0 (the log prints id=1+0);
; `r9 += 1` then finds the flag set and drops the link (adjust_reg_min_max_vals: a link takes one
; constant at most). So r6 == 5 tells nothing about r9, `r9 == 6` is not decided, and the uninitialised
; read on its fall-through rejects the program.
.ctx 8
    r6 = *(u8 *)(r1 +0)
    r9 = r6
    r9 -= 0
    r9 += 1
    if r6 != 0x5 goto out
    if r9 == 0x6 goto out
    r0 = r5
    exit
out:
    r0 = 0
    exit
