; bpf_loop runs the callback 4 times (it returns 0, continue); the program returns the count, 4.
    r1 = 4
    r2 = count ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    exit
.func count static args=2
    r0 = 0
    exit
