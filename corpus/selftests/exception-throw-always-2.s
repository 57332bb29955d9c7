; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00080000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":32,"ctx":"00080000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; case expect path-explorer@mainline {"accepted":true,"class":null,"message":null,"throwsException":true}
; exceptions.c exception_throw_always_2: main returns global2static_simple(ctx->protocol); the global calls a
; static function that always throws 32, so its `return i - 1` is never reached.
.input ctx=00080000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
    r1 = *(u16 *)(r1 +0)
    call global2static_simple
    exit
.func global2static_simple global args=1
    r6 = r1
    r1 += 2
    call static_func
    r0 = r6
    r0 -= 1
    exit
.func static_func static args=1
    r1 = 32
    call bpf_throw
    r0 = 0
    exit
