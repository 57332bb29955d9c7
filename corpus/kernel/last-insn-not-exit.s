; main's last instruction falls through the end of the program.
    r0 = 0
    exit
    r0 = 1
