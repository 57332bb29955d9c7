; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"0500000000000000","retval":6,"ctx":"0500000000000000"},{"input":"0600000000000000","retval":11,"ctx":"0600000000000000"}]}
; r6, r7, r8, r9 = r6 + 1 and the callee's r1..r4 share one id. The callee's `r1 != 0x5` collects linked
; registers in both frames, the caller's at its call: there only r9 is live (r6..r8 are dead), so the set
; is {callee r1, caller r9} and r9 = 6 on the path that returns. Counting the dead ones, the set would
; fill up before r9 and drop its id, and the caller would reach the read of the clobbered r4.
.ctx 8
.input ctx=0500000000000000
.input ctx=0600000000000000
    r6 = *(u8 *)(r1 +0)
    r7 = r6
    r8 = r6
    r9 = r6
    r9 += 1
    r1 = r6
    r2 = r6
    r3 = r6
    r4 = r6
    call f
    if r9 == 0x6 goto out
    r0 = r4
    exit
out:
    r0 = r9
    exit
.func f static args=4
    if r1 != 0x5 goto thr
    r0 = 0
    exit
thr:
    r1 = 11
    call bpf_throw
    exit
