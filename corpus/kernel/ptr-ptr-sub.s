; Subtracting two pointers is allowed to a privileged loader: an unknown scalar (left unused).
    r2 = r10
    r2 -= r1
    r0 = 0
    exit
