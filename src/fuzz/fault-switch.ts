/**
 * The fault switch, for tests only: `THROWFUZZ_TEST_FAULTS=hang@17,throw@33,exit@40,oom@50` makes the worker
 * misbehave when generated case 17 (33, ...) enters its first model engine: loop for ever, throw outside the
 * engines, end the worker thread, or exhaust the worker's heap. The campaign must turn each into a finding
 * and go on (test/fuzz/faults.test.ts). Nothing but the worker shell reads it.
 */
import type { CaseRef } from './sequence.js';

export type FaultKind = 'hang' | 'throw' | 'exit' | 'oom';
export interface InjectedFault {
  readonly kind: FaultKind;
  readonly index: number;
}

export const FAULTS_ENV = 'THROWFUZZ_TEST_FAULTS';

export function faultsFromEnv(env: NodeJS.ProcessEnv): InjectedFault[] {
  const text = env[FAULTS_ENV] ?? '';
  const out: InjectedFault[] = [];
  for (const item of text.split(',').filter((s) => s !== '')) {
    const m = /^(hang|throw|exit|oom)@(\d+)$/.exec(item.trim());
    if (m) out.push({ kind: m[1] as FaultKind, index: Number(m[2]) });
  }
  return out;
}

export function injectFault(faults: readonly InjectedFault[], ref: CaseRef): void {
  if (ref.kind !== 'generated') return;
  const fault = faults.find((f) => f.index === ref.index);
  if (fault === undefined) return;
  switch (fault.kind) {
    case 'hang':
      for (;;) {
        /* spin until the main thread kills the worker */
      }
    case 'throw':
      throw new Error(`injected fault at case ${ref.index}`);
    case 'exit':
      process.exit(3);

    case 'oom': {
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array<number>(1 << 20).fill(ref.index));
    }
  }
  const never: never = fault.kind;
  return never;
}
