/** Features of a generated program, counted from its plan: what `gen --stats` sums and reports show. */
import type { FuncPlan, ProgramPlan, Stmt } from './plan.js';

/** Feature name to count (a missing name counts 0). */
export type Features = Readonly<Record<string, number>>;

export function planFeatures(plan: ProgramPlan): Features {
  const out: Record<string, number> = {};
  const add = (k: string, n = 1): void => {
    out[k] = (out[k] ?? 0) + n;
  };
  add('funcs', plan.funcs.length);
  for (const f of plan.funcs) {
    add(`role:${f.role}`);
    if (f.ret.kind === 'ref') add('transfer-via-return');
    if (f.ret.kind === 'opened') add('region-opened-in-static');
    stmts(f, f.body, add, false);
  }
  add('inputs-compared', plan.compares.length);
  return out;
}

function stmts(
  f: FuncPlan,
  list: readonly Stmt[],
  add: (k: string, n?: number) => void,
  held: boolean,
): void {
  for (const s of list) {
    switch (s.kind) {
      case 'alu':
      case 'neg':
        add('alu');
        break;
      case 'load-ctx':
        add('ctx-load');
        break;
      case 'if':
        add(`branch-on-${s.why}`);
        stmts(f, s.fall, add, held);
        stmts(f, s.taken, add, held);
        break;
      case 'assert':
        add(`assert-${s.how}`);
        break;
      case 'throw':
        add(f.role === 'callback' ? 'throw-in-callback' : `throw-in-${f.role}`);
        add(s.cookie.kind === 'imm' ? 'cookie-const' : 'cookie-scalar');
        break;
      case 'call':
        add('call');
        if (held) add('call-while-held');
        break;
      case 'loop':
        add(
          `bpf_loop-count-${s.count.kind === 'const' ? (s.count.n === 0 ? 'zero' : 'const') : s.count.kind}`,
        );
        add(`bpf_loop-ctx-${s.ctx}`);
        break;
      case 'ref':
        add(`ref-${s.end}`);
        if (s.slot !== 0) add('ref-spilled');
        if (s.factory !== null) add('ref-from-static');
        stmts(f, s.hold, add, true);
        break;
      case 'region':
        add(`region-${s.region}-${s.end}`);
        stmts(f, s.hold, add, true);
        break;
      case 'stack':
        add('stack');
        break;
      case 'helper':
        add(`helper-${s.which}`);
        break;
      case 'raw':
        add(`raw:${s.why}`);
        break;
      default: {
        const never: never = s;
        return never;
      }
    }
  }
}
