/**
 * The kernel engine's own, conservative answer to "may the live kernel test-run this program?" (SPEC §8:
 * never test-run a program that a model engine rejects for a held resource or open region). Until a model
 * engine can vouch for a program, it declines:
 *
 * - any program that calls `bpf_rcu_read_lock` or `bpf_preempt_disable`: a region left open across a
 *   throwing global subprogram is not caught by this kernel's verifier (`seed-global-resources`), and a
 *   throw with the region held would leave it held in the kernel;
 * - any program that both acquires a reference (`bpf_cpumask_create`) and calls a global subprogram: the
 *   reference may be held across a call that throws, which this kernel accepts and then leaks at run time.
 *
 * Everything else the kernel verified may run: the verifier itself rejects references and regions held at
 * a throw or at exit on every path it explores (check_reference_leak, process_bpf_exit).
 */
import { kernelFnByName } from '../../bpf/kernel-functions.js';
import { layoutOf } from '../../bpf/layout.js';
import type { Program } from '../../bpf/program.js';

export type RunDecision = { readonly run: true } | { readonly run: false; readonly reason: string };

export function runDecision(program: Program): RunDecision {
  const { pcOf } = layoutOf(program.insns);
  const funcAtPc = new Map(program.funcs.map((f) => [pcOf[f.insn], f]));
  let acquire: number | null = null;
  let globalCall: { insn: number; name: string } | null = null;
  for (let i = 0; i < program.insns.length; i++) {
    const insn = program.insns[i]!;
    if (insn.kind === 'kfunc') {
      switch (kernelFnByName(insn.name)?.effect) {
        case 'rcu-lock':
          return { run: false, reason: `insn ${i} opens an RCU region (${insn.name}); not test-run` };
        case 'preempt-disable':
          return { run: false, reason: `insn ${i} opens a preempt region (${insn.name}); not test-run` };
        case 'acquire':
          acquire ??= i;
          break;
        default:
          break;
      }
    } else if (insn.kind === 'call' && globalCall === null) {
      const callee = funcAtPc.get(pcOf[i]! + insn.off + 1);
      // A target that is not a declared function fails check_btf_func; call it global to stay on the safe side.
      if (callee?.linkage !== 'static')
        globalCall = { insn: i, name: callee?.name ?? `pc ${pcOf[i]! + insn.off + 1}` };
    }
  }
  if (acquire !== null && globalCall !== null) {
    return {
      run: false,
      reason:
        `insn ${acquire} acquires a reference and insn ${globalCall.insn} calls global ${globalCall.name}: ` +
        'a reference held across a throwing global leaks on this kernel; not test-run',
    };
  }
  return { run: true };
}
