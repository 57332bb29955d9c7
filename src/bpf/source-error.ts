import { MAX_ECHO_CHARS } from './limits.js';

/**
 * Text made safe to echo on one terminal line: control characters, line and paragraph separators, format
 * characters (bidi overrides, a BOM), lone surrogates and U+FFFD (an invalid UTF-8 byte) are escaped, as
 * `\xNN` below U+0100 and `\u{N}` above.
 */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\ufffd]/gu, (c) => {
    const code = c.codePointAt(0)!;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** A token of the user's input as an error message quotes it: printable, cut at MAX_ECHO_CHARS. */
export function quoted(token: string): string {
  return `'${echoed(token)}'`;
}

/** A token of the user's input as an error message shows it, unquoted (numbers): printable and cut. */
export function echoed(token: string): string {
  let head = '';
  let count = 0;
  for (const c of token) {
    // A token may be a whole 64 MiB line: look at no more of it than is echoed.
    if (count === MAX_ECHO_CHARS) return `${printable(head)}...`;
    head += c;
    count++;
  }
  return printable(head);
}

/** A user's mistake in a text the tool read, located by file, line and column (1-based). */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
    readonly file: string = '<input>',
  ) {
    super(message);
    this.name = 'SourceError';
  }

  /** `file:line:col: message`, the one line the CLI prints (escaped: a file name may hold anything). */
  format(): string {
    return printable(`${this.file}:${this.line}:${this.col}: ${this.message}`);
  }

  withFile(file: string): SourceError {
    return new SourceError(this.message, this.line, this.col, file);
  }
}
