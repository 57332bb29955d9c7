/**
 * The verdict oracle (SPEC §7): each model engine against the kernel on accept/reject, class and the
 * message; each pair of model engines on verdict, class, message, facts and rewrite. Messages agree when
 * they are the same once reference ids are normalised (the projection's `sameMessage`: `id=N`; `alloc_insn`
 * and every other number exact). An engine with no verdict (`unsupported`, `internal-error`) is not
 * compared: unsupported is "not applicable", an internal error is the engine-fault oracle's. A kernel
 * `verifier-bug` is the kernel-health oracle's; `unclassified` is compared (a class mismatch: a
 * finding, or a classifier rule to add). Programs outside the fragment on purpose (`beyond`) are judged by
 * kernel health alone.
 */
import { programFeatures } from '../src/bpf/features.js';
import { layoutOf } from '../src/bpf/layout.js';
import type { Program } from '../src/bpf/program.js';
import {
  KERNEL_COUNTED_LIMITS,
  type KernelClass,
  type KernelResult,
  type ModelAnswer,
} from '../src/engines/contract.js';
import { sameMessage } from '../src/engines/projection.js';
import type { Diff, Finding } from './finding.js';
import { sameData } from './outcome-compare.js';
import type { Observation } from './observation.js';
import { rewriteText } from './rewrite-text.js';
import { engineLabel, signatureOf, THROW_CAUSES, pickCause, verdictCause, type Cause } from './signature.js';

/** What one side said, comparable: `accept` or a rejection with its class and message. */
type Said =
  | { readonly accepted: true }
  | { readonly accepted: false; readonly class: KernelClass; readonly message: string };

const word = (s: Said): KernelClass | 'accept' => (s.accepted ? 'accept' : s.class);

function saidByModel(answer: ModelAnswer): Said | null {
  const v = answer.result.verdict;
  if (v.accepted === null) return null;
  return v.accepted ? { accepted: true } : { accepted: false, class: v.class, message: v.message };
}

function saidByKernel(result: KernelResult): Said | null {
  switch (result.status) {
    case 'accepted':
      return { accepted: true };
    case 'rejected':
      return result.class === 'verifier-bug'
        ? null
        : { accepted: false, class: result.class, message: result.message };
    case 'fault':
    case 'error':
    case 'not-applicable':
      return null;
    default: {
      const unreachable: never = result;
      throw new Error(`unknown kernel status ${JSON.stringify(unreachable)}`);
    }
  }
}

type Symptom = 'accept-reject' | 'class' | 'message' | 'facts' | 'rewrite';

interface Side {
  readonly label: string;
  readonly said: Said;
}

/** The verdict diffs of two sides (messages through `sameMessage`). */
function verdictDiffs(a: Side, b: Side): { symptom: Symptom; diffs: Diff[] } | null {
  const diff = (field: string, expected: unknown, actual: unknown): Diff => ({
    field,
    expectedFrom: a.label,
    expected,
    actualFrom: b.label,
    actual,
  });
  if (a.said.accepted !== b.said.accepted) {
    return { symptom: 'accept-reject', diffs: [diff('verdict', word(a.said), word(b.said))] };
  }
  if (a.said.accepted || b.said.accepted) return null;
  if (a.said.class !== b.said.class) {
    return {
      symptom: 'class',
      diffs: [diff('class', a.said.class, b.said.class), diff('message', a.said.message, b.said.message)],
    };
  }
  if (!sameMessage(a.said.message, b.said.message)) {
    return { symptom: 'message', diffs: [diff('message', a.said.message, b.said.message)] };
  }
  return null;
}

/**
 * A disagreement where a side stopped at `too-complex` and some engine involved does not count the limits as
 * the kernel does (`KERNEL_COUNTED_LIMITS`): the kernel's own heuristic, not the program's meaning, decides
 * it, so it is `precision` under its own cause (docs/abstract-interpreter.md, Documented choices).
 */
function limitHeuristic(sides: readonly Side[], answers: readonly ModelAnswer[]): boolean {
  return (
    sides.some((s) => !s.said.accepted && s.said.class === 'too-complex') &&
    answers.some((a) => !KERNEL_COUNTED_LIMITS[a.engine])
  );
}

/** The verdict finding of two sides that disagree. */
function verdictFinding(
  a: Side,
  b: Side,
  found: { symptom: Symptom; diffs: Diff[] },
  cause: Cause,
  heuristic: boolean,
): Finding {
  const sides = [`${a.label}=${word(a.said)}`, `${b.label}=${word(b.said)}`];
  return {
    oracle: 'verdict',
    severity: heuristic ? 'precision' : 'medium',
    signature: signatureOf('verdict', sides, found.symptom, heuristic ? 'complexity-limit' : cause),
    title: `${a.label} and ${b.label} disagree (${found.symptom}): ${sides.join(' vs ')}`,
    engines: [a.label, b.label],
    diffs: found.diffs,
    input: null,
  };
}

/**
 * Whether the model's rejection is SPEC §4's check at a call of a throwing global (held references or open
 * regions rejected there, with the throw's messages): the check this kernel lacks (seed-global-resources).
 * Where the model stops at that call, the kernel goes on, and accepts, or rejects later for whatever the
 * rest of the program does: one defect, the missing check, whatever the kernel then says.
 */
function globalCallCheck(program: Program, answer: ModelAnswer): 'ref-leak' | 'region-open' | null {
  const v = answer.result.verdict;
  if (v.accepted !== false || v.insn === null || (v.class !== 'ref-leak' && v.class !== 'region-open'))
    return null;
  const { insnAt, pcOf } = layoutOf(program.insns);
  const i = insnAt[v.insn] ?? -1;
  const insn = program.insns[i];
  if (insn?.kind !== 'call') return null;
  const target = v.insn + insn.off + 1;
  const callee = program.funcs.find((f) => pcOf[f.insn] === target);
  return callee?.linkage === 'global' ? v.class : null;
}

function modelVsKernel(obs: Observation, answer: ModelAnswer): Finding | null {
  if (!obs.kernel.asked || answer.profile !== 'mainline') return null;
  const model = saidByModel(answer);
  const kernel = saidByKernel(obs.kernel.result);
  if (model === null || kernel === null) return null;
  const a: Side = { label: 'kernel', said: kernel };
  const b: Side = { label: engineLabel(answer), said: model };
  const found = verdictDiffs(a, b);
  if (found === null) return null;
  const missed = globalCallCheck(obs.program, answer);
  if (missed !== null) {
    // One defect, the kernel's missing check, whatever the kernel then says: one signature.
    const sides = ['kernel=missed-check', `${b.label}=${missed}`];
    return {
      ...verdictFinding(a, b, found, 'none', false),
      signature: signatureOf(
        'verdict',
        sides,
        'global-call-check',
        missed === 'ref-leak' ? 'ref-across-global-call' : 'region-across-global-call',
      ),
    };
  }
  const cause = verdictCause(programFeatures(obs.program), [word(a.said), word(b.said)]);
  return verdictFinding(a, b, found, cause, limitHeuristic([a, b], [answer]));
}

function modelVsModel(obs: Observation, first: ModelAnswer, second: ModelAnswer): Finding | null {
  if (first.profile !== second.profile) return null;
  const sa = saidByModel(first);
  const sb = saidByModel(second);
  if (sa === null || sb === null) return null;
  const a: Side = { label: engineLabel(first), said: sa };
  const b: Side = { label: engineLabel(second), said: sb };
  const features = programFeatures(obs.program);
  const found = verdictDiffs(a, b);
  if (found !== null) {
    const cause = verdictCause(features, [word(a.said), word(b.said)]);
    return verdictFinding(a, b, found, cause, limitHeuristic([a, b], [first, second]));
  }
  const fields: { symptom: Symptom; expected: unknown; actual: unknown }[] = [
    { symptom: 'facts', expected: first.result.facts, actual: second.result.facts },
    { symptom: 'rewrite', expected: rewriteText(first), actual: rewriteText(second) },
  ];
  const differing = fields.filter((f) => !sameData(f.expected, f.actual));
  if (differing.length === 0) return null;
  const diffs = differing.map((f) => ({
    field: f.symptom,
    expectedFrom: a.label,
    expected: f.expected,
    actualFrom: b.label,
    actual: f.actual,
  }));
  return verdictFinding(
    a,
    b,
    { symptom: differing[0]!.symptom, diffs },
    pickCause(features, THROW_CAUSES),
    false,
  );
}

export function verdictOracle(obs: Observation): Finding[] {
  if (obs.origin.beyond) return [];
  const findings: Finding[] = [];
  for (const answer of obs.models) {
    const f = modelVsKernel(obs, answer);
    if (f !== null) findings.push(f);
  }
  for (let i = 0; i < obs.models.length; i++) {
    for (let j = i + 1; j < obs.models.length; j++) {
      const f = modelVsModel(obs, obs.models[i]!, obs.models[j]!);
      if (f !== null) findings.push(f);
    }
  }
  return findings;
}
