; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"call-depth","message":"the call stack of 8 frames is too deep !","outcomes":[]}
; Seven nested static calls; the deepest loads a callback on a path do_check never takes. The walk
; counts the callback load as a call: its frame is the ninth.
    call f1
    exit
.func f1 static
    call f2
    exit
.func f2 static
    call f3
    exit
.func f3 static
    call f4
    exit
.func f4 static
    call f5
    exit
.func f5 static
    call f6
    exit
.func f6 static
    call f7
    exit
.func f7 static
    r0 = 0
    if r0 == 0x0 goto l0
    r2 = cb ll
l0:
    r0 = 0
    exit
.func cb static args=2
    r0 = 0
    exit
