; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"bad-return","message":"At callback return the register R0 has smin=2 smax=2 should have been in [0, 1]","outcomes":[]}
; A bpf_loop callback must return 0 or 1.
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func cb static args=2
    r0 = 2
    exit
