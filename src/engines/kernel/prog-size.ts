/**
 * bpf_prog_load's size check (kernel/bpf/syscall.c), before any verification: a loader with CAP_BPF may
 * load up to BPF_COMPLEXITY_LIMIT_INSNS instruction slots (`ld_imm64` counts two); more is E2BIG, and the
 * verifier never starts, so there is no log and no message. Measured on 6.18: 1,000,000 slots of
 * `r0 = 0 ... exit` load (1,000,000 processed), 1,000,001 are E2BIG with an empty log.
 *
 * Since the kernel prints nothing, throwfuzz words it: both engines give this message, class
 * `too-complex` (the limit is the verifier's own BPF_COMPLEXITY_LIMIT_INSNS, and a straight-line program
 * past it would be `too-complex` in do_check if the size check were not there). docs/path-explorer.md.
 */

/** BPF_COMPLEXITY_LIMIT_INSNS, the bpf_capable() branch of bpf_prog_load's insn_cnt check. */
export const MAX_PROG_INSNS = 1_000_000;

/** The message for a program bpf_prog_load refuses with E2BIG for its size (the kernel logs nothing). */
export const tooManyInsnsMessage = (slots: number): string =>
  `too many insns: ${slots} (limit ${MAX_PROG_INSNS}; bpf_prog_load answers E2BIG with no log)`;
