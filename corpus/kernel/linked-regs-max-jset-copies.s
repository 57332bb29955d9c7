; case expect kernel {"release":"6.18.44-fc-v657","accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak","outcomes":[]}
; case expect path-explorer@mainline {"accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak"}
; `if r8 & r9` compares two copies of one value: check_cond_jmp_op collects the links for the source and
; then the destination into one record of LINKED_REGS_MAX (6) entries, so the live copies (r7, r8, r9 here,
; main's r8 at the callsite) count twice and the later ones lose their id (__collect_linked_regs). r7 == 0
; then no longer reaches main's r8: the second call, holding a cpumask, can throw. Without the jset
; the link survives, main's r8 is 0 after the first call and the program is accepted.
    r6 = r1
    r8 = *(u32 *)(r6 +52)
    r2 = r8
    r3 = r8
    r4 = r8
    call sub1
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    r2 = r8
    r3 = 0
    r4 = 0
    call sub1
    r1 = r6
    call bpf_cpumask_release
out:
    r0 = 0
    exit
.func sub1 static
    r7 = r2
    r8 = r3
    r9 = r4
    if r8 & r9 goto l2
l2:
    if r7 == 0x0 goto l6
    r1 = 0
    call bpf_throw
l6:
    r0 = r8
    exit
