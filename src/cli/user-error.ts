/** The one line a user's mistake gets on stderr: `file:line:col: message`, or `throwfuzz: message`. */
import { SourceError } from '../bpf/source-error.js';
import { UsageError } from './io.js';

/** The line for a mistake in what the user gave (argv, files); null for anything else (a bug: rethrow). */
export function userErrorLine(e: unknown): string | null {
  if (e instanceof SourceError) return e.format();
  if (e instanceof UsageError) return `throwfuzz: ${e.message}`;
  return null;
}
