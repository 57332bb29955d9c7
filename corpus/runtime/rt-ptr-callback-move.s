; Arithmetic on a callback pointer (PTR_TO_FUNC takes it): moved by 8 it is 8 past the callback, moved back
; bpf_loop takes it (check_func_arg_reg_off wants offset 0). Returns 8 plus the loop's count, 2.
    r2 = count ll
    r6 = r2
    r6 += 8
    r6 -= r2
    r2 += 8
    r2 -= 8
    r1 = 2
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 += r6
    exit
.func count static args=2
    r0 = 0
    exit
