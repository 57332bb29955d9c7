; case expect kernel {"release":"6.18.44-fc-v669","accepted":true,"class":null,"message":null,"run":"declined","outcomes":[]}
; The RCU section is closed before the throw: accepted. The engine's safety check still declines to
; test-run it (it calls bpf_rcu_read_lock).
    call bpf_rcu_read_lock
    call bpf_rcu_read_unlock
    r1 = 6
    call bpf_throw
    exit
