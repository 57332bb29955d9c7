/** The kernel-style log: register and stack state as print_verifier_state prints them. */
import { opcodeOf } from '../../bpf/codec.js';
import type { Insn } from '../../bpf/insn.js';
import { printInsn } from '../../bpf/text/print.js';
import { SlotType, type Frame, type RegState, type VState } from './state.js';
import { tnumIsConst, tnumIsUnknown, tnumStr } from './tnum.js';
import { S32_MAX, S32_MIN, s64, S64_MAX, S64_MIN, U32_MAX, U64_MAX, u32 } from './u64.js';

const S16_MIN = -0x8000n;
const S16_MAX = 0x7fffn;

/** verbose_snum / verbose_unum: decimal within s16, hex otherwise. */
const snum = (v: bigint): string =>
  v >= S16_MIN && v <= S16_MAX ? `${v}` : `0x${BigInt.asUintN(64, v).toString(16)}`;
const unum = (v: bigint): string => (v <= S16_MAX ? `${v}` : `0x${v.toString(16)}`);

/** print_scalar_ranges, merging equal neighbours as the kernel does (`smin=umin=5`). */
function scalarRanges(r: Extract<RegState, { kind: 'scalar' }>): string[] {
  const s32v = (v: bigint): bigint => (v >= S16_MIN && v <= S16_MAX ? v : u32(v));
  const m: { name: string; val: bigint; omit: boolean }[] = [
    { name: 'smin', val: r.smin, omit: r.smin === S64_MIN },
    { name: 'smax', val: r.smax, omit: r.smax === S64_MAX },
    { name: 'umin', val: r.umin, omit: r.umin === 0n },
    { name: 'umax', val: r.umax, omit: r.umax === U64_MAX },
    { name: 'smin32', val: s32v(r.s32min), omit: r.s32min === S32_MIN },
    { name: 'smax32', val: s32v(r.s32max), omit: r.s32max === S32_MAX },
    { name: 'umin32', val: r.u32min, omit: r.u32min === 0n },
    { name: 'umax32', val: r.u32max, omit: r.u32max === U32_MAX },
  ];
  const out: string[] = [];
  for (let i = 0; i < m.length; i++) {
    const a = m[i]!;
    if (a.omit) continue;
    const neg = a.name[0] === 's' && s64(a.val) < 0n;
    let names = `${a.name}=`;
    for (let j = i + 2; j < m.length; j += 2) {
      const b = m[j]!;
      if (b.omit || b.val !== a.val) continue;
      if ((b.name[0] === 's' && s64(b.val) < 0n) !== neg) continue;
      b.omit = true;
      names += `${b.name}=`;
    }
    out.push(`${names}${a.name[0] === 's' ? snum(a.val) : unum(a.val)}`);
  }
  return out;
}

export function regStr(r: RegState, frameno: number): string {
  switch (r.kind) {
    case 'none':
      return '?';
    case 'scalar': {
      const p = r.precise ? 'P' : '';
      if (tnumIsConst(r.var)) return `${p}${snum(s64(r.var.value))}`;
      const f = [...(r.id ? [`id=${r.id}${r.addConst ? `+${r.off}` : ''}`] : []), ...scalarRanges(r)];
      if (!tnumIsUnknown(r.var)) f.push(`var_off=${tnumStr(r.var)}`);
      return `${p}scalar(${f.join(',')})`;
    }
    case 'ctx':
      return r.off ? `ctx(off=${r.off})` : 'ctx()';
    case 'stack':
      return r.frameno === frameno ? `fp${r.off}` : `fp[${r.frameno}]${r.off}`;
    case 'func':
      return 'func()';
    case 'obj':
      return r.maybeNull
        ? `ptr_or_null_bpf_cpumask(id=${r.id},ref_obj_id=${r.refObjId})`
        : `ptr_bpf_cpumask(ref_obj_id=${r.refObjId})`;
    default: {
      const never: never = r;
      return String(never);
    }
  }
}

const SLOT_CHAR: Record<SlotType, string> = {
  [SlotType.Invalid]: '?',
  [SlotType.Spill]: 'r',
  [SlotType.Misc]: 'm',
  [SlotType.Zero]: '0',
};

function frameStr(f: Frame, regs: readonly number[] | null): string[] {
  const out: string[] = [];
  f.regs.forEach((r, i) => {
    if (r.kind !== 'none' && (regs === null || regs.includes(i))) out.push(`R${i}=${regStr(r, f.frameno)}`);
  });
  if (regs === null)
    f.stack.forEach((slot, spi) => {
      if (slot.types.every((t) => t === SlotType.Invalid)) return;
      const v =
        slot.types[7] === SlotType.Spill && slot.spilled.kind !== 'none'
          ? regStr(slot.spilled, f.frameno)
          : [...slot.types]
              .reverse()
              .map((t) => SLOT_CHAR[t])
              .join('');
      out.push(`fp${-(spi + 1) * 8}=${v}`);
    });
  return out;
}

/** print_verifier_state for the current frame (all of it, or only `regs`). */
export function stateStr(st: VState, regs: readonly number[] | null = null): string {
  const f = st.frames[st.frames.length - 1]!;
  const parts = frameStr(f, regs);
  // print_verifier_state prints the references after a full or a scratched-only state alike
  if (st.refs.length > 0) parts.push(`refs=${st.refs.map((r) => r.id).join(',')}`);
  const prefix = f.frameno > 0 ? `frame${f.frameno}: ` : '';
  return `${prefix}${parts.join(' ')}${f.inCallback ? ' cb' : ''}`;
}

/** The registers an instruction changed in the current frame (the kernel prints the scratched ones). */
export function changedRegs(before: readonly RegState[], after: readonly RegState[]): number[] {
  const out: number[] = [];
  after.forEach((r, i) => {
    if (r !== before[i]) out.push(i);
  });
  return out;
}

/** verbose_insn: `pc: (opcode) text`, as do_check prints an instruction before checking it. */
export function insnText(insn: Insn | undefined, pc: number): string {
  if (!insn) return `${pc}: ?`;
  let code: string;
  try {
    code = opcodeOf(insn).toString(16).padStart(2, '0');
  } catch {
    code = '??'; // a kfunc with no BTF id to encode: outside the fragment, rejected by the check itself
  }
  return `${pc}: (${code}) ${printInsn(insn, pc)}`;
}

/** BPF_LOG_MIN_ALIGNMENT, BPF_LOG_ALIGNMENT */
const MIN_ALIGNMENT = 8;
const ALIGNMENT = 40;

/**
 * An instruction's line with the state it changed (print_insn_state): the `;` goes where vlog_alignment
 * puts it, the next multiple of 8 past the text (at least column 40), counting the newline it replaces.
 */
export function insnStateLine(text: string, state: string): string {
  const pos = text.length + 1;
  const end = Math.ceil(Math.max(pos + MIN_ALIGNMENT / 2, ALIGNMENT) / MIN_ALIGNMENT) * MIN_ALIGNMENT;
  return `${text}${' '.repeat(end - pos - 1)}; ${state}`;
}
