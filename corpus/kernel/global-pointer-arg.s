; A global subprogram takes scalars only: passing the ctx pointer is rejected.
    call g
    r0 = 0
    exit
.func g global args=1
    r0 = 0
    exit
