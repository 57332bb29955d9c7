; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0000000000000000","retval":3,"ctx":"0000000000000000"},{"input":"0100000000000000","retval":10,"ctx":"0107000000000000"}]}
; Static subprograms that exit without writing R0: the caller never reads it (it loads R0 afresh), so the
; kernel accepts and runs the program (prepare_func_exit copies R0 as it is; only check_return_code, at main's
; or a global's exit, reads it).
.ctx 8
.input ctx=0000000000000000
.input ctx=0100000000000000
    r6 = r1
    call store_flag
    call nothing
    r0 = *(u8 *)(r6 +1)
    r0 += 3
    exit
.func store_flag static args=1
    r2 = *(u8 *)(r1 +0)
    if r2 == 0x0 goto out
    *(u8 *)(r1 +1) = 7
out:
    exit
.func nothing static
    exit
