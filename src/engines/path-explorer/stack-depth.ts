/**
 * check_max_stack_depth: after do_check, a walk of the static call graph from main (calls and callback
 * addresses) adds up each frame's stack (rounded to 16 for the JIT) and, in mainline, rejects any
 * bpf_throw in a subprogram entered as a callback or called from one.
 */
import { Reject, insnAtPc, type Env } from './env.js';

const MAX_BPF_STACK = 512;
const MAX_CALL_FRAMES = 8;

const roundUp16 = (n: number): number => Math.ceil(n / 16) * 16;

export function checkMaxStackDepth(env: Env): void {
  const subs = env.subprogs;
  const retInsn: number[] = [];
  const retProg: number[] = [];
  let depth = 0;
  let frame = 0;
  let idx = 0;
  let i = subs[0]!.startPc;
  const enter = (): void => {
    depth += roundUp16(env.stackDepth[idx] ?? 0);
    if (depth > MAX_BPF_STACK)
      throw new Reject('stack', `combined stack size of ${frame + 1} calls is ${depth}. Too large`, null);
  };
  enter();
  for (;;) {
    const end = subs[idx]!.endPc;
    let descended = false;
    for (; i < end; i++) {
      const insn = insnAtPc(env, i);
      if (!insn) continue;
      if (insn.kind === 'kfunc' && insn.name === 'bpf_throw') {
        // A rewrite's bpf_throw returns (verify's `instrumented`): no unwinding, so no callback rule.
        if (env.profile !== 'mainline' || env.instrumented) continue;
        let err = env.isCb[idx] === true;
        for (let c = 0; c < frame && !err; c++) if (env.isCb[retProg[c]!]) err = true;
        if (err)
          throw new Reject(
            'throw-in-callback',
            `bpf_throw kfunc (insn ${i}) cannot be called from callback subprog ${idx}`,
            i,
          );
        continue;
      }
      if (insn.kind !== 'call' && insn.kind !== 'ldfunc') continue;
      retInsn[frame] = i + 1;
      retProg[frame] = idx;
      const target = i + insn.off + 1;
      idx = subs.findIndex((s) => s.startPc === target);
      i = target;
      frame++;
      if (frame >= MAX_CALL_FRAMES)
        throw new Reject('call-depth', `the call stack of ${frame} frames is too deep !`, null);
      enter();
      descended = true;
      break;
    }
    if (descended) continue;
    if (frame === 0) return;
    depth -= roundUp16(env.stackDepth[idx] ?? 0);
    frame--;
    i = retInsn[frame]!;
    idx = retProg[frame]!;
  }
}
