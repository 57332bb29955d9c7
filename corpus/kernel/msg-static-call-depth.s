; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"call-depth","message":"the call stack of 8 frames is too deep !","outcomes":[]}
; main and a chain of eight globals: do_check never stacks them, the static walk of check_max_stack_depth does.
    call g1
    r0 = 0
    exit
.func g1 global
    call g2
    r0 = 0
    exit
.func g2 global
    call g3
    r0 = 0
    exit
.func g3 global
    call g4
    r0 = 0
    exit
.func g4 global
    call g5
    r0 = 0
    exit
.func g5 global
    call g6
    r0 = 0
    exit
.func g6 global
    call g7
    r0 = 0
    exit
.func g7 global
    call g8
    r0 = 0
    exit
.func g8 global
    r0 = 0
    exit
