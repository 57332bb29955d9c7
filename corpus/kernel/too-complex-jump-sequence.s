; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"too-complex","message":"The sequence of 8193 jumps is too complex.","outcomes":[]}
; bpf_loop whose callback tests its ctx pointer against NULL (a stack pointer decides no branch, so the
; NULL branch is pushed) and counts on the stack until 0x7fffffff (each iteration's state is new): every
; iteration leaves one more state pending on do_check's stack (push_stack) until
; BPF_COMPLEXITY_LIMIT_JMP_SEQ.
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
    r8 = 0
    if r2 == 0x0 goto l0
    r8 = *(u64 *)(r2 +0)
l0:
    r8 += 1
    *(u64 *)(r2 +0) = r8
    if r8 == 0x7fffffff goto l1
    r0 = 0
    exit
l1:
    r0 = 1
    exit
