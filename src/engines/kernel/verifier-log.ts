/**
 * Reading a verifier log: the processed-instruction count, the message (SPEC §4, Reporting: the last line
 * before `processed N insns`) and the tail worth showing a human.
 */

export interface ParsedVerifierLog {
  /**
   * The last non-empty line before `processed N insns` (state dumps that follow an error skipped); without
   * that line, the log's last line; null when the log is empty.
   */
  readonly message: string | null;
  /** N of `processed N insns`, or null when the kernel stopped before do_check finished. */
  readonly insnsProcessed: number | null;
  /** The last `tailLines` non-empty lines, ending with `processed N insns` when there is one. */
  readonly tail: readonly string[];
}

export const DEFAULT_TAIL_LINES = 12;

/** print_verification_stats (kernel/bpf/verifier.c) */
const PROCESSED = /^processed (\d+) insns \(limit \d+\)/;
/**
 * Lines the kernel prints after the error itself: is_state_visited dumps both states after
 * `infinite loop detected at insn N`. They are context, not the message.
 */
const AFTER_MESSAGE = /^(?:cur|old) state: /;

export function parseVerifierLog(log: string, tailLines = DEFAULT_TAIL_LINES): ParsedVerifierLog {
  const lines = log.split('\n').filter((l) => l.trim() !== '');
  let end = lines.length;
  let insnsProcessed: number | null = null;
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = PROCESSED.exec(lines[i]!);
    if (m) {
      insnsProcessed = Number(m[1]);
      end = i;
      break;
    }
  }
  let last = end - 1;
  while (last > 0 && AFTER_MESSAGE.test(lines[last]!)) last--;
  const message = last >= 0 ? lines[last]!.trim() : null;
  const upTo = insnsProcessed === null ? lines.length : end + 1;
  return { message, insnsProcessed, tail: lines.slice(Math.max(0, upTo - tailLines), upTo) };
}
