; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"verifier-bug","message":"verifier bug: backtracking misuse","outcomes":[]}
; bpf_loop with the ctx pointer (R1 at entry) as its count: the verifier WARNs and fails with EFAULT.
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    r0 = 0
    exit
