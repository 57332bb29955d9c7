/**
 * The form of a signature (signature.ts writes them), checked where a person types one (`triage add`): a
 * signature that no oracle can write would never match a finding, and the triage entry would be dead.
 *
 *     oracle:sides:symptom:cause
 *     sides   = side ("," side)*
 *     side    = label ["=" word]            word: what the side said (accept, a class, missed-check, fault)
 *     label   = part ("/" seg)* ["@" profile] ("~" quirk)* ["+join"]
 *     part    = kernel | a model engine | runtime | generate | oracles | worker
 *     symptom = seg ("/" seg)*             seg: lowercase letters, digits and dashes
 *     cause   = a program feature | shared-slot | complexity-limit | none | -
 *
 * `@mainline` is never written (engineLabel leaves the default profile out) and quirks come sorted.
 */
import { FEATURES } from '../src/bpf/features.js';
import { isProfile, isQuirk } from '../src/bpf/profile.js';
import type { ModelEngineName } from '../src/engines/contract.js';
import { ORACLE_NAMES } from './finding.js';

const SEG = /^[a-z0-9][a-z0-9-]*$/;
const CAUSES: readonly string[] = [...FEATURES, 'shared-slot', 'complexity-limit', 'none', '-'];

/** Where a part of the pipeline is named (engine-fault sides name the part a case hung or crashed in). */
const PARTS = (models: readonly ModelEngineName[]): readonly string[] => [
  'kernel',
  ...models,
  'runtime',
  'generate',
  'oracles',
  'worker',
];

function sideProblem(side: string, models: readonly ModelEngineName[]): string | null {
  const eq = side.indexOf('=');
  const label = eq < 0 ? side : side.slice(0, eq);
  if (eq >= 0 && !SEG.test(side.slice(eq + 1))) return `side '${side}': what it said is not a word`;
  const m = /^([^@~+]+)(?:@([^~+]*))?((?:~[^~+]*)*)(\+join)?$/.exec(label);
  if (m === null) return `side '${side}' is not ENGINE[@PROFILE][~QUIRK...][+join][=WORD]`;
  const [, name = '', profile, quirkText = ''] = m;
  const [part = '', ...segs] = name.split('/');
  if (!PARTS(models).includes(part))
    return `side '${side}': unknown engine or part '${part}' (${PARTS(models).join(', ')})`;
  if (segs.some((s) => !SEG.test(s))) return `side '${side}': '${name}' is not a path of words`;
  if (profile !== undefined) {
    if (!isProfile(profile)) return `side '${side}': unknown profile '${profile}'`;
    if (profile === 'mainline') return `side '${side}': the default profile is not written (no @mainline)`;
  }
  const quirks = quirkText === '' ? [] : quirkText.slice(1).split('~');
  for (const q of quirks) if (!isQuirk(q)) return `side '${side}': unknown quirk '${q}'`;
  if (quirks.some((q, i) => i > 0 && quirks[i - 1]! >= q))
    return `side '${side}': quirks are written sorted, once each`;
  return null;
}

/** Null when `signature` has the form oracles write, else one line saying what is wrong. */
export function signatureProblem(signature: string, models: readonly ModelEngineName[]): string | null {
  const parts = signature.split(':');
  if (parts.length !== 4) return 'a signature is ORACLE:SIDES:SYMPTOM:CAUSE (four parts separated by colons)';
  const [oracle = '', sides = '', symptom = '', cause = ''] = parts;
  if (!(ORACLE_NAMES as readonly string[]).includes(oracle))
    return `unknown oracle '${oracle}' (oracles: ${ORACLE_NAMES.join(', ')})`;
  if (sides === '') return 'no sides (e.g. kernel=accept,path-explorer=ref-leak)';
  for (const side of sides.split(',')) {
    const problem = sideProblem(side, models);
    if (problem !== null) return problem;
  }
  if (!symptom.split('/').every((s) => SEG.test(s)))
    return `symptom '${symptom}' is not lowercase words joined by dashes (and slashes)`;
  if (!CAUSES.includes(cause)) return `unknown cause '${cause}' (causes: ${CAUSES.join(', ')})`;
  return null;
}
