/**
 * The live kernel for the suites that need it: one session per test file, or the reason it cannot be had.
 * Suites use `describe.skipIf(live.skipReason)` and this module prints the reason, so a skip is never silent.
 * Call it at the top level of a test file: the session is closed after the file's tests.
 */
import { afterAll } from 'vitest';
import { openKernelSession, type KernelSession } from '../../../src/engines/kernel/index.js';

export type Live =
  | { readonly skipReason: null; readonly session: KernelSession }
  | { readonly skipReason: string; readonly session: null };

export async function liveKernel(suite: string): Promise<Live> {
  const opened = await openKernelSession();
  if (opened.available) {
    afterAll(() => opened.session.close());
    return { skipReason: null, session: opened.session };
  }
  console.log(`[${suite}] skipped: ${opened.reason}`);
  return { skipReason: opened.reason, session: null };
}
