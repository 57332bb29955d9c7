; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"too-complex","message":"The sequence of 8193 jumps is too complex.","outcomes":[]}
; bpf_loop whose callback counts on the stack until 0x7fffffff (each iteration's state is new) and tests
; its ctx pointer against NULL sixteen times (a stack pointer decides no branch: each test pushes a state):
; the pending states on do_check's stack (push_stack) pass BPF_COMPLEXITY_LIMIT_JMP_SEQ.
    *(u64 *)(r10 -8) = 0
    r1 = -1
    r2 = spin ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop#181
    r0 = 0
    exit
.func spin static args=2
    r8 = *(u64 *)(r2 +0)
    if r2 == 0x0 goto l0
l0:
    if r2 == 0x0 goto l1
l1:
    if r2 == 0x0 goto l2
l2:
    if r2 == 0x0 goto l3
l3:
    if r2 == 0x0 goto l4
l4:
    if r2 == 0x0 goto l5
l5:
    if r2 == 0x0 goto l6
l6:
    if r2 == 0x0 goto l7
l7:
    if r2 == 0x0 goto l8
l8:
    if r2 == 0x0 goto l9
l9:
    if r2 == 0x0 goto l10
l10:
    if r2 == 0x0 goto l11
l11:
    if r2 == 0x0 goto l12
l12:
    if r2 == 0x0 goto l13
l13:
    if r2 == 0x0 goto l14
l14:
    if r2 == 0x0 goto l15
l15:
    r8 += 1
    *(u64 *)(r2 +0) = r8
    if r8 == 0x7fffffff goto l99
    r0 = 0
    exit
l99:
    r0 = 1
    exit
