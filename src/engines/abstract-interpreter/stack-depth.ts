/**
 * check_max_stack_depth: after do_check, a static walk of the call graph from main (calls and callback
 * loads) limits the chain to 8 frames and the combined stack of a chain to 512 bytes, and (mainline)
 * rejects a bpf_throw anywhere under a callback (check_max_stack_depth_subprog).
 */
import type { Verdict } from '../../bpf/result.js';
import type { Shape } from './cfg.js';

/** What check_max_stack_depth_subprog meets in a subprogram's instructions, in pc order. */
type Site = { readonly callee: number } | { readonly throwAt: number };

/** The after-do_check facts the throw scan needs (null: no scan, as under rfc or for a rewrite). */
export interface ThrowScan {
  /** subprog_info is_cb: entered as a callback by a bpf_loop do_check reached (push_callback_call). */
  readonly isCb: readonly boolean[];
}

/**
 * check_max_stack_depth_subprog (mainline): every `call bpf_throw` instruction, reached by value tracking
 * or not, is rejected when its subprogram or any caller on the walk's chain is a callback. The message
 * names the subprogram holding the throw.
 */
function throwInCallback(scan: ThrowScan, chain: readonly number[], pc: number): Verdict | null {
  if (!chain.some((sub) => scan.isCb[sub] === true)) return null;
  return {
    accepted: false,
    class: 'throw-in-callback',
    message: `bpf_throw kfunc (insn ${pc}) cannot be called from callback subprog ${chain[chain.length - 1]!}`,
    insn: pc,
  };
}

const MAX_FRAMES = 8;
const MAX_STACK = 512;

/** round_up_stack_depth with the JIT: multiples of 16. */
const roundUp = (d: number): number => Math.ceil(d / 16) * 16;

export function checkMaxStackDepth(
  shape: Extract<Shape, { ok: true }>,
  depths: readonly number[],
  scan: ThrowScan | null = null,
): Verdict | null {
  const callees: Site[][] = shape.subprogs.map(() => []);
  shape.insns.forEach((insn, i) => {
    const pc = shape.pcOf[i]!;
    if (scan !== null && insn.kind === 'kfunc' && insn.name === 'bpf_throw')
      callees[shape.owner[pc]!]!.push({ throwAt: pc });
    if (insn.kind !== 'call' && insn.kind !== 'ldfunc') return;
    callees[shape.owner[pc]!]!.push({ callee: shape.owner[pc + insn.off + 1]! });
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
    const site = list[top.next++]!;
    if ('throwAt' in site) {
      const thrown = throwInCallback(
        scan!,
        stack.map((e) => e.sub),
        site.throwAt,
      );
      if (thrown !== null) return thrown;
      continue;
    }
    const callee = site.callee;
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
