; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"bad-return","message":"At subprogram exit the register R0 is not a scalar value (fp)","outcomes":[]}
; A global returning its frame pointer: check_return_code for a subprogram wants a scalar.
    r1 = 1
    call g
    r0 = 0
    exit
.func g global args=1
    r0 = r10
    exit
