/** The one line a user's mistake gets on stderr: `file:line:col: message`, or `throwfuzz: message`. */
import { printable, SourceError } from '../bpf/source-error.js';
import { UsageError } from './io.js';

/** The line for a mistake in what the user gave (argv, files); null for anything else (a bug: rethrow). */
export function userErrorLine(e: unknown): string | null {
  if (e instanceof SourceError) return e.format();
  // A usage message may quote argv (an engine name, an --input value): escaped here, once for all of them,
  // so the line stays one printable line whatever the user typed.
  if (e instanceof UsageError) return `throwfuzz: ${printable(e.message)}`;
  return null;
}
