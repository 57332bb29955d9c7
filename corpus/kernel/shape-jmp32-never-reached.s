; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000"}]}
; The 32-bit jump at insn 2 is outside SPEC §3's fragment, but `if r1 == 0x0` is always taken
; (is_scalar_branch_taken), so no path reaches it and do_check never interprets it: accepted.
.ctx 16
    r1 = 0
    if r1 == 0x0 goto out
    if w1 > 0x5 goto out
out:
    r0 = 0
    exit
