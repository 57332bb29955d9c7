; A program that may run nested inside another (a tracing program attached to a kernel function). It is
; the rewrite of a throwing program that did not throw this time: it clears its slot on entry.
.profile rfc
    r6 = r1
    call bpf_reset_exception
    r1 = r6
    r0 = 0
    exit
