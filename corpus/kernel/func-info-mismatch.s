; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"structure","message":"number of funcs in func_info doesn't match number of subprogs","outcomes":[]}
; A declared function that nothing calls: the kernel discovers one subprogram, func_info declares two.
    r0 = 0
    exit
.func orphan static
    r0 = 1
    exit
