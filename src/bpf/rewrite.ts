/**
 * The rewrite of SPEC §5: the program patched from its facts (the RFC v1 instrumentation:
 * do_misc_fixups' entry reset, rewrite_bpf_throw_call, rewrite_bpf_call). A pure function of the
 * program, its facts, the profile and the quirks, so every correct engine produces the same program.
 */
import { splice, type Patch } from './edit.js';
import type { Insn, Reg } from './insn.js';
import { BPF_LOOP_ID, GET_EXCEPTION_ID, RESET_EXCEPTION_ID } from './kernel-functions.js';
import { layoutOf } from './layout.js';
import type { Profile, Quirk } from './profile.js';
import type { Program } from './program.js';
import type { Facts, Mark } from './result.js';

/** BPF_LOOP returns -EJUKEBOX when a callback left an exception thrown (RFC 4/9). */
export const EJUKEBOX = 528;

const mov = (dst: Reg, src: Reg): Insn => ({
  kind: 'alu',
  width: 64,
  op: 'mov',
  dst,
  src: { kind: 'reg', reg: src },
});
const movImm = (dst: Reg, imm: number): Insn => ({
  kind: 'alu',
  width: 64,
  op: 'mov',
  dst,
  src: { kind: 'imm', imm },
});
const helper = (id: number): Insn => ({ kind: 'helper', id });
const EXIT: Insn = { kind: 'exit' };

/** The post-call sequence after a marked call (rewrite_bpf_call). */
function afterCall(mark: Exclude<Mark, 'none'>, slot: number, profile: Profile, isLoop: boolean): Insn[] {
  const out: Insn[] = [
    { kind: 'stx', size: 8, dst: 10, src: 0, off: slot },
    helper(GET_EXCEPTION_ID),
    {
      kind: 'jmp',
      width: 64,
      op: 'jeq',
      dst: 0,
      src: { kind: 'imm', imm: 0 },
      off: profile === 'rfc' ? 3 : 2,
    },
    mark === 'outer' ? helper(RESET_EXCEPTION_ID) : movImm(0, 0),
  ];
  if (profile === 'rfc') out.push(movImm(0, 0));
  out.push(EXIT, { kind: 'ldx', size: 8, dst: 0, src: 10, off: slot });
  if (profile === 'rfc' && isLoop) {
    out.push(
      { kind: 'jmp', width: 32, op: 'jne', dst: 0, src: { kind: 'imm', imm: -EJUKEBOX }, off: 3 },
      mark === 'inner'
        ? { kind: 'kfunc', name: 'bpf_throw', btfId: null }
        : mark === 'outer'
          ? helper(RESET_EXCEPTION_ID)
          : movImm(0, 0),
      movImm(0, 0),
      EXIT,
    );
  }
  return out;
}

export function rewriteProgram(
  program: Program,
  facts: Facts,
  profile: Profile,
  quirks: readonly Quirk[],
): Program {
  const { pcOf } = layoutOf(program.insns);
  const markAt = new Map(facts.marks.map((m) => [m.insn, m.mark]));
  const funcStarts = program.funcs.map((f) => f.insn);
  const subprogOf = (i: number): number => {
    let k = 0;
    for (let j = 0; j < funcStarts.length; j++) if (funcStarts[j]! <= i) k = j;
    return k;
  };

  const patches: Patch[] = program.insns.map((insn, i) => {
    const mark = markAt.get(pcOf[i]!) ?? 'none';
    if (mark === 'none') return { insns: [insn], self: 0 };
    if (insn.kind === 'kfunc' && insn.name === 'bpf_throw') {
      if (mark === 'outer')
        return { insns: [profile === 'rfc' ? movImm(0, 0) : mov(0, 1), EXIT], self: null };
      return { insns: [insn, movImm(0, 0), EXIT], self: 0 };
    }
    const isLoop = insn.kind === 'helper' && insn.id === BPF_LOOP_ID;
    if (insn.kind !== 'call' && !isLoop) return { insns: [insn], self: 0 };
    if (isLoop && quirks.includes('seed-loop-inline')) return { insns: [insn], self: 0 };
    const s = facts.subprogs[subprogOf(i)]?.stackDepth ?? 0;
    return { insns: [insn, ...afterCall(mark, -(s + 8), profile, isLoop)], self: 0 };
  });
  if (facts.throwsException && program.kind !== 'ext' && patches.length > 0) {
    const first = patches[0]!;
    patches[0] = {
      insns: [mov(6, 1), helper(RESET_EXCEPTION_ID), mov(1, 6), ...first.insns],
      self: first.self === null ? null : first.self + 3,
    };
  }

  return splice(program, patches);
}
