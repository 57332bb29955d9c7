; The same fault without bpf_loop, derived from reading the source and NOT loaded: a callback address
; that is loaded but never used, in a program that keeps another subprogram. Predicted on Linux 6.18:
; "verifier bug: No program to jit at insn 7 (subprog < 0)".
    call f
    r0 = 0
    exit
.func f static
    r2 = cb ll
    r0 = 0
    exit
.func cb static args=2
    r0 = 0
    exit
