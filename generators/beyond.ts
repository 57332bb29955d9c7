/**
 * Beyond cases: one edit that steps just outside the fragment on purpose (SPEC §3), where the model engines
 * answer "not applicable" and the kernel-health oracle alone judges. Both kernel defects found so far sit
 * on this edge; the edits that trip them are made only when kernelSafe is false.
 */
import { BPF_LOOP_ID } from '../src/bpf/kernel-functions.js';
import type { AluOp, Insn } from '../src/bpf/insn.js';
import type { Program } from '../src/bpf/program.js';
import { boundaryImm, type Decide } from './choices.js';
import { replaceInsn } from './edit.js';
import { kernelUnsafe } from './fragment.js';

export type BeyondEdit =
  | 'alu32'
  | 'jmp32'
  | 'alu-mul-div-mod'
  | 'pointer-as-cookie'
  | 'pointer-as-loop-ctx'
  | 'loop-flags'
  | 'loop-count-any'
  | 'loop-count-pointer'
  | 'jmp-same-reg'
  | 'none';

/** One beyond edit of `p` (`none` when no instruction fits the edit drawn). */
export function beyondEdit(
  d: Decide,
  p: Program,
  kernelSafe: boolean,
): { program: Program; edit: BeyondEdit } {
  const edits: BeyondEdit[] = [
    'alu32',
    'jmp32',
    'alu-mul-div-mod',
    'pointer-as-cookie',
    'pointer-as-loop-ctx',
    'loop-flags',
    'loop-count-any',
  ];
  if (!kernelSafe) edits.push('loop-count-pointer', 'jmp-same-reg');
  for (let attempt = 0; attempt < 4; attempt++) {
    const edit = d.pick(edits);
    const out = apply(d, p, edit);
    if (out !== null && (!kernelSafe || kernelUnsafe(out) === null)) return { program: out, edit };
  }
  return { program: p, edit: 'none' };
}

function where(p: Program, ok: (insn: Insn, i: number) => boolean): number[] {
  const out: number[] = [];
  p.insns.forEach((insn, i) => {
    if (ok(insn, i)) out.push(i);
  });
  return out;
}

/** The `r1 = ...` (or `r4 = ...`) right before a bpf_loop call: where its count (flags) is set. */
function loopArg(p: Program, reg: 1 | 3 | 4): number[] {
  return where(p, (insn, i) => {
    if (insn.kind !== 'alu' || insn.op !== 'mov' || insn.dst !== reg) return false;
    for (let k = i + 1; k < Math.min(p.insns.length, i + 8); k++) {
      const n = p.insns[k]!;
      if (n.kind === 'helper' && n.id === BPF_LOOP_ID) return true;
      if (n.kind === 'exit' || n.kind === 'call' || n.kind === 'kfunc') return false;
    }
    return false;
  });
}

function apply(d: Decide, p: Program, edit: BeyondEdit): Program | null {
  const at = (xs: number[], make: (insn: Insn) => Insn): Program | null =>
    xs.length === 0
      ? null
      : (() => {
          const i = d.pick(xs);
          return replaceInsn(p, i, make(p.insns[i]!));
        })();
  switch (edit) {
    case 'alu32':
      return at(
        where(p, (i) => i.kind === 'alu' && i.dst >= 7 && i.dst <= 9),
        (i) => ({ ...i, width: 32 }) as Insn,
      );
    case 'jmp32':
      return at(
        where(p, (i) => i.kind === 'jmp'),
        (i) => ({ ...i, width: 32 }) as Insn,
      );
    case 'alu-mul-div-mod':
      return at(
        where(p, (i) => i.kind === 'alu' && i.op !== 'mov' && i.dst >= 7 && i.dst <= 9),
        (i) => ({ ...i, op: d.pick<AluOp>(['mul', 'div', 'mod']) }) as Insn,
      );
    case 'pointer-as-cookie':
      return at(
        where(
          p,
          (i, k) =>
            i.kind === 'alu' &&
            i.op === 'mov' &&
            i.dst === 1 &&
            p.insns[k + 1]?.kind === 'kfunc' &&
            (p.insns[k + 1] as { name: string }).name === 'bpf_throw',
        ),
        (i) => ({ ...i, src: { kind: 'reg', reg: 10 } }) as Insn,
      );
    case 'pointer-as-loop-ctx':
      return at(loopArg(p, 3), (i) => ({ ...i, src: { kind: 'reg', reg: 6 } }) as Insn);
    case 'loop-flags':
      return at(
        loopArg(p, 4),
        (i) => ({ ...i, src: { kind: 'imm', imm: d.pick([1, -1, 2, 0x80000000 | 0]) } }) as Insn,
      );
    case 'loop-count-any':
      return at(
        loopArg(p, 1),
        (i) => ({ ...i, src: { kind: 'imm', imm: d.chance(0.3) ? 0 : boundaryImm(d) } }) as Insn,
      );
    case 'loop-count-pointer':
      return at(
        loopArg(p, 1),
        (i) => ({ ...i, src: { kind: 'reg', reg: d.pick([6, 10] as const) } }) as Insn,
      );
    case 'jmp-same-reg':
      return at(
        where(p, (i) => i.kind === 'jmp'),
        (i) => (i.kind === 'jmp' ? { ...i, src: { kind: 'reg', reg: i.dst } } : i),
      );
    case 'none':
      return null;
    default: {
      const never: never = edit;
      return never;
    }
  }
}
