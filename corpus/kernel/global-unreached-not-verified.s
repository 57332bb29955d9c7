; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; r7 is a u8, so `r7 s> 0xff` is never taken and the call of glob is never reached. Since the lazy
; verification of globals (do_check_subprogs skips a global whose `called` flag check_func_call never
; set), glob is not verified: its bad read does not reject the program, and only main's instructions count.
.input ctx=00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
    r6 = r1
    r7 = *(u8 *)(r6 +34)
    if r7 s> 0xff goto far
    r0 = 0
    exit
far:
    call glob
    r0 = 1
    exit
.func glob global
    r2 = 0
    r0 = *(u64 *)(r2 +0)
    exit
