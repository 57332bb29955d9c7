; A declared function that nothing calls: the kernel discovers one subprogram, func_info declares two.
    r0 = 0
    exit
.func orphan static
    r0 = 1
    exit
