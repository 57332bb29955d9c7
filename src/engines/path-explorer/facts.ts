/** Facts of SPEC §5 from a finished verification. */
import { BPF_LOOP_ID } from '../../bpf/kernel-functions.js';
import type { Program } from '../../bpf/program.js';
import type { Facts, Mark } from '../../bpf/result.js';
import type { Env } from './env.js';

/** Instructions that carry a mark: every bpf_throw, subprogram call and bpf_loop call, by pc. */
export function collectFacts(env: Env, program: Program): Facts {
  const marks: { insn: number; mark: Mark }[] = [];
  program.insns.forEach((insn, i) => {
    const pc = env.layout.pcOf[i]!;
    const carries =
      (insn.kind === 'kfunc' && insn.name === 'bpf_throw') ||
      insn.kind === 'call' ||
      (insn.kind === 'helper' && insn.id === BPF_LOOP_ID);
    if (carries) marks.push({ insn: pc, mark: env.marks.get(pc) ?? 'none' });
  });
  return {
    throwsException: env.canThrow[0] === true,
    subprogs: env.subprogs.map((s) => ({
      name: s.name,
      canThrow: env.canThrow[s.index] === true,
      stackDepth: env.stackDepth[s.index] ?? 0,
    })),
    marks,
  };
}
