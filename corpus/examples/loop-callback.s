; bpf_loop runs the static callback up to 4 times; the callback returns 0 (continue), so the
; program returns the number of iterations, 4.
    r1 = 4
    r2 = count ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    exit
.func count static args=2
    r0 = 0
    exit
