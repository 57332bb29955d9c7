; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"verifier-bug","message":"verifier bug: No program to jit at insn 29 (subprog < 0)","outcomes":[]}
; bpf_loop with a known count of 0 in a static subprogram: do_check never enters the callback, the
; dead-code pass removes it, and jit_subprogs finds a reference to code that is gone.
    call f
    r0 = 0
    exit
.func f static
    r1 = 0
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    r0 = 0
    exit
