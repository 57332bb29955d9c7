; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"call-depth","message":"the call stack of 9 frames is too deep","outcomes":[]}
; main and eight nested static calls: nine frames, one more than the kernel allows.
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
    call f8
    exit
.func f8 static
    r0 = 0
    exit
