/**
 * `throwfuzz corpus add`, the pure half: the signature a finding's case names, a file name made from it,
 * which committed case already carries it, and the expectations a case records from the engines' answers
 * (the kernel's as `replay` asks it, each model engine's under the case's profile and quirks). Reading the
 * corpus, asking the kernel and writing are src/cli/corpus-add.ts's.
 */
import type { Profile, Quirk } from '../bpf/profile.js';
import type { Program } from '../bpf/program.js';
import type { KernelResult, ModelEngineName } from '../engines/contract.js';
import { MODEL_ENGINES } from '../engines/index.js';
import { project, projectVerdict } from '../engines/projection.js';
import type { KernelExpectation, ModelExpectation } from './case.js';

/** The note line that names a finding's signature (finding-case.ts and the minimizer write it). */
const SIGNATURE_NOTE = /^signature:\s*(\S+)\s*$/;

/** The signature a case's note names, or null. */
export function noteSignature(note: string | null): string | null {
  for (const line of (note ?? '').split('\n')) {
    const m = SIGNATURE_NOTE.exec(line.trim());
    if (m) return m[1]!;
  }
  return null;
}

/** The signatures a case file's text names in `; case note signature: S` lines (read without parsing). */
export function signaturesInText(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*;\s*case\s+note\s+signature:\s*(\S+)\s*$/.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}

/** Longest slug a signature gives (the name stays readable in a listing). */
const SLUG_MAX = 64;

/**
 * A short file name for a signature `oracle:sides:symptom:cause`: the oracle, the quirks the sides name
 * (`~quirk`: what makes a quirk finding), the symptom and the cause, lowercase words joined by `-`.
 */
export function signatureSlug(signature: string): string {
  const [oracle = '', sides = '', symptom = '', cause = ''] = signature.split(':');
  const quirks = [...new Set([...sides.matchAll(/~([a-z0-9-]+)/g)].map((m) => m[1]!))];
  const words = [oracle, ...quirks, symptom, cause === 'none' || cause === '-' ? '' : cause]
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = words.length <= SLUG_MAX ? words : words.slice(0, SLUG_MAX).replace(/-[^-]*$/, '');
  return cut === '' ? 'finding' : cut;
}

/** A name the user gives: what a slug may be (lowercase words joined by `-`). */
export const CASE_NAME = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/** `slug`, or `slug-2`, `slug-3`... : the first not in `taken` (names without `.s`). */
export function uniqueName(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/**
 * The kernel's answer as `; case expect kernel` records it (what `replay` compares against), or why it
 * cannot be recorded (no verdict, a test-run that failed part way).
 */
export function kernelExpectationOf(result: KernelResult, release: string): KernelExpectation | string {
  const p = project({ engine: 'kernel', result });
  switch (p.status) {
    case 'rejected':
      return { engine: 'kernel', release, accepted: false, class: p.class, message: p.message, outcomes: [] };
    case 'accepted':
      if (p.run === 'failed' || p.run === null) return `the test-run failed (${p.run ?? 'no run'})`;
      return {
        engine: 'kernel',
        release,
        accepted: true,
        class: null,
        message: null,
        ...(p.run === 'declined' ? { run: 'declined' as const } : {}),
        outcomes: p.run === 'declined' ? [] : (p.outcomes ?? []),
      };
    case 'not-applicable':
    case 'fault':
      return `the kernel gave no verdict (${p.status}: ${p.reason ?? ''})`;
    default: {
      const never: never = p.status;
      return never;
    }
  }
}

/** A model engine's expectation, or why it has none (one line for stderr). */
export type ModelRecord = { readonly expect: ModelExpectation } | { readonly engine: string; readonly why: string };

/**
 * Every model engine's answer under the profile and its quirks (`quirks[engine]`, none when unnamed), as
 * `; case expect ENGINE@PROFILE[+QUIRK...]` records it. An engine that cannot apply a quirk, or gives no
 * verdict, records nothing and says why.
 */
export function modelExpectations(
  program: Program,
  profile: Profile,
  quirks: { readonly [E in ModelEngineName]?: readonly Quirk[] },
): ModelRecord[] {
  return MODEL_ENGINES.map((engine): ModelRecord => {
    const qs = [...(quirks[engine.name] ?? [])].sort();
    const unable = qs.find((q) => engine.quirks[q] !== null);
    if (unable !== undefined) return { engine: engine.name, why: `cannot apply ${unable}` };
    const answer = engine.verify(program, { profile, quirks: qs });
    const p = projectVerdict({ engine: engine.name, result: answer });
    if (p.status === 'accepted')
      return {
        expect: { engine: engine.name, profile, quirks: qs, accepted: true, class: null, message: null },
      };
    if (p.status === 'rejected' && p.class !== null && p.class !== 'unsupported' && p.message !== null)
      return {
        expect: {
          engine: engine.name,
          profile,
          quirks: qs,
          accepted: false,
          class: p.class as ModelExpectation['class'],
          message: p.message,
        } as ModelExpectation,
      };
    return { engine: engine.name, why: `no verdict to record (${p.status}${p.class ? ` ${p.class}` : ''})` };
  });
}
