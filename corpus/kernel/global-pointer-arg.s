; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"bad-arg","message":"Caller passes invalid args into func#1 ('g')","outcomes":[]}
; A global subprogram takes scalars only: passing the ctx pointer is rejected.
    call g
    r0 = 0
    exit
.func g global args=1
    r0 = 0
    exit
