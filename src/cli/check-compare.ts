/**
 * What `check` compares between engines (SPEC §4: accept/reject, class, and the message of a rejection with
 * reference ids normalised: the projection's `sameMessage`; between model engines also the facts of an
 * acceptance, SPEC §5), as data. Pure: the renderers decide how an
 * answer or a comparison looks.
 */
import type { EngineName, EngineResult, KernelClass } from '../engines/contract.js';
import type { Facts } from '../bpf/result.js';
import { projectVerdict, sameMessage } from '../engines/projection.js';

/** One engine's answer on one file, reduced to what can be compared. */
export type Answer =
  /**
   * A verdict: accept/reject, and the class and message of a rejection; an accepting model engine also gives
   * its facts (SPEC §5: every correct engine computes the same), in one line; the kernel shows none.
   */
  | {
      readonly kind: 'verdict';
      readonly accepted: true;
      readonly class: null;
      readonly message: null;
      readonly facts: string | null;
    }
  | {
      readonly kind: 'verdict';
      readonly accepted: false;
      readonly class: KernelClass;
      readonly message: string;
      readonly facts: null;
    }
  /** The engine does not judge this program (outside its fragment, a kind or profile it does not run). */
  | { readonly kind: 'not-applicable'; readonly reason: string }
  /** The engine was asked for but is not available here (the reason was said once, at the start). */
  | { readonly kind: 'skipped' }
  /** The engine was asked and could not answer: an executor fault, a harness error, an internal error. */
  | { readonly kind: 'fault'; readonly reason: string };

/** A model engine's facts in one line: `marks 8:outer 22:inner; can_throw main sub1; stack main=24 sub1=0`. */
export function factsLine(f: Facts): string {
  const marks = f.marks.filter((m) => m.mark !== 'none').map((m) => `${m.insn}:${m.mark}`);
  const throwing = f.subprogs.filter((s) => s.canThrow).map((s) => s.name);
  const stack = f.subprogs.map((s) => `${s.name}=${s.stackDepth}`);
  return `marks ${marks.join(' ') || '-'}; can_throw ${throwing.join(' ') || '-'}; stack ${stack.join(' ')}`;
}

/** The answer of any engine, from the one projection (src/engines/projection.ts). */
export function answerOf(r: EngineResult): Answer {
  const p = projectVerdict(r);
  switch (p.status) {
    case 'accepted': {
      const facts = r.engine === 'kernel' ? null : r.result.result.facts;
      return {
        kind: 'verdict',
        accepted: true,
        class: null,
        message: null,
        facts: facts ? factsLine(facts) : null,
      };
    }
    case 'rejected':
      return { kind: 'verdict', accepted: false, class: p.class!, message: p.message!, facts: null };
    case 'not-applicable':
      return { kind: 'not-applicable', reason: p.reason! };
    case 'fault':
      return { kind: 'fault', reason: p.reason! };
    default: {
      const never: never = p.status;
      return never;
    }
  }
}

export interface EngineAnswer {
  readonly engine: EngineName;
  readonly answer: Answer;
}

type Verdict = Extract<Answer, { kind: 'verdict' }>;

/** How the engines that answered compare on one file. Engines without a verdict never disagree. */
export type Comparison =
  | { readonly kind: 'agree'; readonly verdict: Verdict }
  | {
      readonly kind: 'differ';
      readonly verdicts: readonly { readonly engine: EngineName; readonly verdict: Verdict }[];
    }
  /** Fewer than two engines gave a verdict. */
  | { readonly kind: 'not-compared'; readonly answered: readonly EngineName[] };

export function compareAnswers(answers: readonly EngineAnswer[]): Comparison {
  const verdicts: { engine: EngineName; verdict: Verdict }[] = [];
  for (const { engine, answer } of answers)
    if (answer.kind === 'verdict') verdicts.push({ engine, verdict: answer });
  const [first] = verdicts;
  if (first === undefined || verdicts.length < 2)
    return { kind: 'not-compared', answered: verdicts.map((v) => v.engine) };
  // Pairwise: the kernel's acceptance carries no facts, so it agrees with any; two model engines must agree too.
  const same = verdicts.every(({ verdict }, i) =>
    verdicts.slice(i + 1).every((o) => sameVerdict(verdict, o.verdict)),
  );
  return same ? { kind: 'agree', verdict: first.verdict } : { kind: 'differ', verdicts };
}

function sameVerdict(a: Verdict, b: Verdict): boolean {
  if (a.accepted && b.accepted) return a.facts === null || b.facts === null || a.facts === b.facts;
  if (a.accepted || b.accepted) return false;
  return a.class === b.class && sameMessage(a.message, b.message);
}

/** `accepted` or `rejected (class)`. */
export function verdictText(v: Verdict): string {
  return v.accepted ? 'accepted' : `rejected (${v.class})`;
}

/** Only the messages differ: every verdict is the same rejection class. */
function onlyMessagesDiffer(verdicts: readonly { readonly verdict: Verdict }[]): boolean {
  const [first] = verdicts;
  return (
    first !== undefined &&
    !first.verdict.accepted &&
    verdicts.every((v) => !v.verdict.accepted && v.verdict.class === first.verdict.class)
  );
}

/**
 * The per-file line: `agree: accepted`, `differ: kernel accepted, path-explorer rejected (ref-leak)`; when
 * only the messages differ, each engine's message (`differ: kernel rejected (bad-arg) "...", ...`).
 */
export function comparisonText(c: Comparison): string {
  switch (c.kind) {
    case 'agree':
      return `agree: ${verdictText(c.verdict)}`;
    case 'differ': {
      const messages = onlyMessagesDiffer(c.verdicts);
      // Every engine accepted: the model engines' facts differ; show them.
      const facts = c.verdicts.every((v) => v.verdict.accepted);
      const detail = (v: Verdict): string =>
        messages && v.message !== null
          ? ` ${JSON.stringify(v.message)}`
          : facts && v.facts !== null
            ? ` (${v.facts})`
            : '';
      const side = ({ engine, verdict }: { engine: EngineName; verdict: Verdict }): string =>
        `${engine} ${verdictText(verdict)}${detail(verdict)}`;
      return `differ: ${c.verdicts.map(side).join(', ')}`;
    }
    case 'not-compared':
      return c.answered.length === 0
        ? 'not compared: no engine gave a verdict'
        : `not compared: only ${c.answered.join(', ')} gave a verdict`;
    default: {
      const never: never = c;
      return never;
    }
  }
}
