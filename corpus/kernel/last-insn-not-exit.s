; case expect kernel {"release":"6.18.44-fc-v669","accepted":false,"class":"structure","message":"last insn is not an exit or jmp","outcomes":[]}
; main's last instruction falls through the end of the program.
    r0 = 0
    exit
    r0 = 1
