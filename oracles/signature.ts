/**
 * Signatures: the dedup key of a finding, `oracle:sides:symptom:cause`.
 *
 * - sides: each engine involved with its profile (when not mainline) and quirks, and what it said
 *   (`kernel=accept`, `path-explorer~seed-global-resources=accept`, `path-explorer=ref-leak`);
 * - symptom: a coarse, oracle-specific token (`accept-reject`, `facts`, `held-ref`, `solo`, `design`...);
 * - cause: ONE program feature that names why, picked from a short list that fits the symptom
 *   (src/bpf/features.ts), or the throw path a reference run took; `none` when no listed feature is there.
 *
 * One feature, not all of them: a random program has many features, and a signature that listed them all
 * would split one defect into as many buckets as programs. Only features that can cause the symptom compete,
 * in a fixed order, most specific first.
 */
import type { Feature } from '../src/bpf/features.js';
import type { Program } from '../src/bpf/program.js';
import type { KernelClass, ModelAnswer } from '../src/engines/contract.js';
import type { OracleName } from './finding.js';

/**
 * What a signature names as the cause: a program feature, `shared-slot` (a slot model's race),
 * `complexity-limit` (one side stopped at a complexity limit it does not count as the kernel does), or nothing.
 */
export type Cause = Feature | 'shared-slot' | 'complexity-limit' | 'none' | '-';

/** An engine as signatures and findings name it: its name, `@rfc` under rfc, `~quirk` per quirk. */
export function engineLabel(answer: Pick<ModelAnswer, 'engine' | 'profile' | 'quirks'>): string {
  const profile = answer.profile === 'mainline' ? '' : `@${answer.profile}`;
  return `${answer.engine}${profile}${[...answer.quirks]
    .sort()
    .map((q) => `~${q}`)
    .join('')}`;
}

/** A join-mode answer (`ModelOptions.join`) as findings name it: its engine label and `+join`. */
export function joinedLabel(answer: Pick<ModelAnswer, 'engine' | 'profile' | 'quirks'>): string {
  return `${engineLabel(answer)}+join`;
}

export function signatureOf(
  oracle: OracleName,
  sides: readonly string[],
  symptom: string,
  cause: Cause,
): string {
  return `${oracle}:${sides.join(',')}:${symptom}:${cause}`;
}

/** The first of `candidates` the program has, or `none`. */
export function pickCause(features: ReadonlySet<Feature>, candidates: readonly Feature[]): Cause {
  return candidates.find((f) => features.has(f)) ?? 'none';
}

/** Features that explain a throw being handled differently (facts, rewrites, instrumented runs). */
export const THROW_CAUSES: readonly Feature[] = [
  'loop-callback-throws',
  'global-calls-later-global',
  'throw-in-global',
  'throw-in-static',
  'throw-in-main',
];

/** Features that can explain a verdict of each class (a verdict finding tries both sides' classes). */
const CLASS_CAUSES: { readonly [C in KernelClass | 'accept']?: readonly Feature[] } = {
  'ref-leak': ['ref-across-global-call'],
  'region-open': ['region-across-global-call', 'region-across-call'],
  'region-misuse': ['region-across-call'],
  'throw-in-callback': ['throw-in-callback', 'loop-callback-throws'],
  stack: ['stack-512'],
  'call-depth': ['recursion', 'deep-calls'],
  unclassified: ['loop-count-pointer', 'loop-count-zero', 'self-compare'],
};

/** The cause of a verdict disagreement between sides that said `said` (`accept` or a class). */
export function verdictCause(
  features: ReadonlySet<Feature>,
  said: readonly (KernelClass | 'accept')[],
): Cause {
  return pickCause(
    features,
    said.flatMap((c) => CLASS_CAUSES[c] ?? []),
  );
}

/**
 * The throw path a reference run took, as the feature that names it: `unwound` lists the frames innermost
 * first (`bpf_loop` for a helper frame). A global on the path entered from an earlier global is exactly what
 * seed-global-order mis-marks; a bpf_loop frame is a throwing callback. Null when nothing was thrown.
 */
export function throwPathCause(program: Program, unwound: readonly string[] | null): Feature | null {
  if (unwound === null || unwound.length === 0) return null;
  if (unwound.includes('bpf_loop')) return 'loop-callback-throws';
  const index = new Map(program.funcs.map((f, i) => [f.name, i]));
  let lastGlobal = -1;
  let laterGlobal = false;
  let global = false;
  let statics = false;
  for (let k = unwound.length - 1; k >= 0; k--) {
    const i = index.get(unwound[k]!) ?? -1;
    const decl = program.funcs[i];
    if (decl === undefined || i === 0) continue;
    if (decl.linkage === 'global') {
      global = true;
      if (lastGlobal >= 0 && i > lastGlobal) laterGlobal = true;
      lastGlobal = i;
    } else statics = true;
  }
  if (laterGlobal) return 'global-calls-later-global';
  if (global) return 'throw-in-global';
  return statics ? 'throw-in-static' : 'throw-in-main';
}
