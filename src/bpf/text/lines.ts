/**
 * Line-level reading of the text form: comments, verifier-log prefixes, labels. Columns are 1-based and
 * refer to the original line.
 */
import { MAX_STATEMENT_CHARS } from '../limits.js';

export interface SourceLine {
  readonly line: number;
  /** The statement text with comments removed (may be empty); `col` is where it starts. */
  readonly text: string;
  readonly col: number;
  readonly comment: string | null;
  /** `N: (xx)` prefix of a pasted verifier-log or bpftool line: the index and opcode it claims. */
  readonly logPrefix: { readonly index: number; readonly opcode: number; readonly col: number } | null;
}

/**
 * Where a comment starts: `;` anywhere, `#` only at the start of a line or after white space, so that
 * `bpf_throw#65979` stays one token.
 */
function commentStart(raw: string): number {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === ';') return i;
    if (c === '#' && (i === 0 || /\s/.test(raw[i - 1]!))) return i;
  }
  return -1;
}

// `   3: (85) call ...` (verifier log, bpftool) and `  3: 0.1...... (85) call ...` (6.18's live-regs listing).
const LOG_PREFIX = /^(\s*)(\d+):\s+(?:[0-9.]{10,}\s+)?\(([0-9a-fA-F]{2})\)\s+/;

/** One line of the source; `line` is 1-based. */
function readLine(raw: string, line: number): SourceLine {
  const cut = commentStart(raw);
  const body = cut < 0 ? raw : raw.slice(0, cut);
  const comment = cut < 0 ? null : raw.slice(cut + 1).trim();
  let start = 0;
  let logPrefix: SourceLine['logPrefix'] = null;
  // Only the head of a line can be a prefix; a regex run over a huge line can exhaust its backtrack stack.
  const m = LOG_PREFIX.exec(body.slice(0, MAX_STATEMENT_CHARS));
  if (m) {
    logPrefix = { index: Number(m[2]), opcode: parseInt(m[3]!, 16), col: m[1]!.length + 1 };
    start = m[0].length;
  }
  const lead = /^\s*/.exec(body.slice(start))![0].length;
  return { line, text: body.slice(start + lead).trimEnd(), col: start + lead + 1, comment, logPrefix };
}

/** The lines of a source one at a time (`\n` or `\r\n` ends a line): a huge file is never split at once. */
export function* sourceLines(source: string): Generator<SourceLine> {
  let at = 0;
  for (let line = 1; ; line++) {
    const nl = source.indexOf('\n', at);
    const end = nl < 0 ? source.length : nl;
    const raw = source.slice(at, end > at && source[end - 1] === '\r' && nl >= 0 ? end - 1 : end);
    yield readLine(raw, line);
    if (nl < 0) return;
    at = nl + 1;
  }
}

export function splitLines(source: string): SourceLine[] {
  return [...sourceLines(source)];
}
