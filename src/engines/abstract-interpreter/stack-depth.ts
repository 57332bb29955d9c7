/**
 * check_max_stack_depth: after do_check, a static walk of the call graph from main (calls and callback
 * loads) limits the chain to 8 frames and the combined stack of a chain to 512 bytes.
 */
import type { Verdict } from '../../bpf/result.js';
import type { Shape } from './cfg.js';

const MAX_FRAMES = 8;
const MAX_STACK = 512;

/** round_up_stack_depth with the JIT: multiples of 16. */
const roundUp = (d: number): number => Math.ceil(d / 16) * 16;

export function checkMaxStackDepth(
  shape: Extract<Shape, { ok: true }>,
  depths: readonly number[],
): Verdict | null {
  const callees: number[][] = shape.subprogs.map(() => []);
  shape.insns.forEach((insn, i) => {
    if (insn.kind !== 'call' && insn.kind !== 'ldfunc') return;
    const pc = shape.pcOf[i]!;
    callees[shape.owner[pc]!]!.push(shape.owner[pc + insn.off + 1]!);
  });
  // An explicit stack of (subprog, next callee index, depth so far): no recursion per call.
  const stack: { sub: number; next: number; depth: number }[] = [
    { sub: 0, next: 0, depth: roundUp(depths[0]!) },
  ];
  if (stack[0]!.depth > MAX_STACK)
    return {
      accepted: false,
      class: 'stack',
      message: `combined stack size of 1 calls is ${stack[0]!.depth}. Too large`,
      insn: null,
    };
  let budget = 1_000_000;
  while (stack.length > 0 && budget-- > 0) {
    const top = stack[stack.length - 1]!;
    const list = callees[top.sub]!;
    if (top.next >= list.length) {
      stack.pop();
      continue;
    }
    const callee = list[top.next++]!;
    if (stack.some((e) => e.sub === callee)) continue; // recursion is do_check's to report
    const frame = stack.length;
    if (frame >= MAX_FRAMES)
      return {
        accepted: false,
        class: 'call-depth',
        message: `the call stack of ${frame} frames is too deep !`,
        insn: null,
      };
    const depth = top.depth + roundUp(depths[callee]!);
    if (depth > MAX_STACK)
      return {
        accepted: false,
        class: 'stack',
        message: `combined stack size of ${frame + 1} calls is ${depth}. Too large`,
        insn: null,
      };
    stack.push({ sub: callee, next: 0, depth });
  }
  return null;
}
