; Negating a pointer makes an unknown scalar for a privileged loader.
    r1 = r10
    r1 = -r1
    r0 = 0
    exit
