/**
 * check_max_stack_depth (check_max_stack_depth_subprog from main): after do_check, a static walk of the
 * call graph. Starting at main's first instruction it scans each subprogram's instructions in order and
 * descends into the target of every call and every callback load (bpf_pseudo_call, bpf_pseudo_func), then
 * resumes after that instruction. Nothing stops it at a recursive call or at dead code: a self-call
 * do_check never reached still runs the walk out of frames. Frames count from main (0) with one per
 * descent, globals included; frame 8 is `the call stack of 8 frames is too deep !`. Each subprogram adds
 * its stack depth rounded to 16 (the JIT's round_up_stack_depth), past 512 bytes `combined stack size of
 * N calls is D. Too large`. With the throw scan (mainline, verifying the original) every `call bpf_throw`
 * the walk meets, reached by do_check or not, is `bpf_throw kfunc (insn N) cannot be called from callback
 * subprog S` when the subprogram scanned, or one of its callers on the walk's stack, is a callback that
 * do_check entered (`is_cb`, set by push_callback_call); S is the subprogram holding the throw.
 */
import type { Verdict } from '../../bpf/result.js';
import type { Shape } from './cfg.js';

/** MAX_CALL_FRAMES */
const MAX_FRAMES = 8;
/** MAX_BPF_STACK */
const MAX_STACK = 512;

/** round_up_stack_depth with the JIT: multiples of 16. */
const roundUp = (d: number): number => Math.ceil(d / 16) * 16;

/** What the walk meets in a subprogram, in instruction order. */
type Step =
  { readonly kind: 'call'; readonly callee: number } | { readonly kind: 'throw'; readonly pc: number };

/** One frame of the walk: the subprogram, the next step to take, the combined depth, a callback below. */
interface WalkFrame {
  readonly sub: number;
  next: number;
  readonly depth: number;
  /** This subprogram or a caller on the walk's stack is a callback (the is_cb scan over ret_prog). */
  readonly inCallback: boolean;
}

export function checkMaxStackDepth(
  shape: Extract<Shape, { ok: true }>,
  depths: readonly number[],
  /**
   * Subprograms do_check entered as callbacks (the kernel's subprog_info is_cb), for the throw scan; null
   * for no scan: the RFC's kernel lets callbacks throw (SPEC §4), and in a rewrite nothing unwinds.
   */
  isCallback: readonly boolean[] | null,
): Verdict | null {
  const steps: Step[][] = shape.subprogs.map(() => []);
  shape.insns.forEach((insn, i) => {
    const pc = shape.pcOf[i]!;
    const list = steps[shape.owner[pc]!]!;
    if (insn.kind === 'call' || insn.kind === 'ldfunc')
      list.push({ kind: 'call', callee: shape.owner[pc + insn.off + 1]! });
    else if (insn.kind === 'kfunc' && insn.name === 'bpf_throw' && isCallback !== null)
      list.push({ kind: 'throw', pc });
  });
  const cb = (sub: number): boolean => isCallback?.[sub] === true;
  // The walk from a (subprogram, frame, depth, callback below) is the same wherever it starts, and it
  // stops at its first violation: a tuple already walked to its end without one is skipped (the kernel
  // walks it again; the answer is the same and the walk stays linear in the distinct tuples).
  const clean = new Set<string>();
  const tuple = (sub: number, frame: number, depth: number, inCb: boolean): string =>
    `${sub}/${frame}/${depth}/${inCb ? 1 : 0}`;
  // An explicit stack: no recursion per call.
  const main = roundUp(depths[0]!);
  if (main > MAX_STACK) return stackTooLarge(1, main);
  const stack: WalkFrame[] = [{ sub: 0, next: 0, depth: main, inCallback: cb(0) }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const list = steps[top.sub]!;
    if (top.next >= list.length) {
      clean.add(tuple(top.sub, stack.length - 1, top.depth, top.inCallback));
      stack.pop();
      continue;
    }
    const step = list[top.next++]!;
    switch (step.kind) {
      case 'throw':
        if (top.inCallback)
          return {
            accepted: false,
            class: 'throw-in-callback',
            message: `bpf_throw kfunc (insn ${step.pc}) cannot be called from callback subprog ${top.sub}`,
            insn: step.pc,
          };
        break;
      case 'call': {
        const frame = stack.length;
        if (frame >= MAX_FRAMES)
          return {
            accepted: false,
            class: 'call-depth',
            message: `the call stack of ${frame} frames is too deep !`,
            insn: null,
          };
        const depth = top.depth + roundUp(depths[step.callee]!);
        if (depth > MAX_STACK) return stackTooLarge(frame + 1, depth);
        const inCallback = top.inCallback || cb(step.callee);
        if (clean.has(tuple(step.callee, frame, depth, inCallback))) break;
        stack.push({ sub: step.callee, next: 0, depth, inCallback });
        break;
      }
      default: {
        const never: never = step;
        throw new Error(`unknown walk step ${String(never)}`);
      }
    }
  }
  return null;
}

const stackTooLarge = (calls: number, depth: number): Verdict => ({
  accepted: false,
  class: 'stack',
  message: `combined stack size of ${calls} calls is ${depth}. Too large`,
  insn: null,
});
