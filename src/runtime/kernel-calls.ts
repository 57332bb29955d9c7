/**
 * The kernel functions of SPEC §2 and the two instrumentation helpers, as the runtime executes them.
 * Every call reads its arguments, then clobbers R1-R5 (as the verifier's model of a call does) and sets R0.
 */
import { Kfn } from './ops.js';
import { FrameKind, MAX_LOOPS, Status, Tag, type Machine } from './machine.js';
import { u64String } from './u64.js';
import { releasedAsScalar } from './pointer-alu.js';

const EINVAL = 22;
const E2BIG = 7;
/** bpf_loop's result when a callback left the exception slot thrown (RFC v1 4/9). */
export const EJUKEBOX = 528;

/**
 * bpf_throw, bpf_get_exception and bpf_reset_exception are `notrace` in the RFC: no program may run inside
 * them, so they are not nesting points; and they are bookkeeping of the exception itself, so they are not
 * events either (a rewrite calls them where the original did not).
 */
export function isTraceable(kfn: Kfn): boolean {
  return kfn !== Kfn.Throw && kfn !== Kfn.GetException && kfn !== Kfn.ResetException;
}

function requireInit(m: Machine, r: number, pc: number, fn: string): boolean {
  if (m.tag[r] !== Tag.Uninit) return true;
  m.raise('uninit-register', pc, `${fn} reads r${r}, which is not initialised`);
  return false;
}

function requireScalar(m: Machine, r: number, pc: number, fn: string): boolean {
  if (!requireInit(m, r, pc, fn)) return false;
  if (m.tag[r] === Tag.Scalar) return true;
  m.raise('bad-pointer', pc, `${fn} takes a scalar in r${r}, not a pointer`);
  return false;
}

function returnScalar(m: Machine, lo: number, hi: number, pc: number): Status {
  m.clobberArgs();
  m.setScalar(0, lo, hi);
  m.pc = pc + 1;
  return Status.Running;
}

function returnVoid(m: Machine, pc: number): Status {
  m.clobberArgs();
  m.tag[0] = Tag.Uninit;
  m.pc = pc + 1;
  return Status.Running;
}

/** Execute the kernel function `kfn` called at `pc`. Running: continue at m.pc; Done: the run ended. */
export function callKernel(m: Machine, kfn: Kfn, name: string, pc: number): Status {
  switch (kfn) {
    case Kfn.Throw:
      return bpfThrow(m, pc);
    case Kfn.Acquire: {
      const ordinal = m.objects.length;
      if (m.nullCreates.has(ordinal)) {
        m.objects.push(0);
        m.events.push('bpf_cpumask_create() = NULL');
        return returnScalar(m, 0, 0, pc);
      }
      m.objects.push(1);
      m.events.push(`bpf_cpumask_create() = ref#${ordinal}`);
      m.clobberArgs();
      m.tag[0] = Tag.Obj;
      m.lo[0] = 0;
      m.hi[0] = ordinal;
      m.pc = pc + 1;
      return Status.Running;
    }
    case Kfn.Release: {
      if (!requireInit(m, 1, pc, name)) return Status.Done;
      if (m.tag[1] !== Tag.Obj || m.lo[1] !== 0) {
        const what =
          m.tag[1] === Tag.Scalar
            ? `the scalar ${u64String(m.lo[1]!, m.hi[1]!)}`
            : 'a pointer that is not a cpumask';
        return m.raise('bad-pointer', pc, `${name} of ${what}`);
      }
      const ordinal = m.hi[1]!;
      if (m.objects[ordinal] !== 1)
        return m.raise('use-after-release', pc, `${name} of ref#${ordinal}, already released`);
      m.objects[ordinal] = 2;
      m.events.push(`${name}(ref#${ordinal})`);
      return returnVoid(m, pc);
    }
    case Kfn.RcuLock:
      m.rcu++;
      m.events.push(`${name}()`);
      return returnVoid(m, pc);
    case Kfn.RcuUnlock:
      if (m.rcu === 0) return m.raise('bad-call', pc, `${name} without bpf_rcu_read_lock`);
      m.rcu--;
      m.events.push(`${name}()`);
      return returnVoid(m, pc);
    case Kfn.PreemptDisable:
      m.preempt++;
      m.events.push(`${name}()`);
      return returnVoid(m, pc);
    case Kfn.PreemptEnable:
      if (m.preempt === 0) return m.raise('bad-call', pc, `${name} without bpf_preempt_disable`);
      m.preempt--;
      m.events.push(`${name}()`);
      return returnVoid(m, pc);
    case Kfn.Loop:
      return bpfLoop(m, name, pc);
    case Kfn.RandomU32: {
      const value = m.stream.u32();
      m.events.push(`${name}() = ${value}`);
      return returnScalar(m, value | 0, 0, pc);
    }
    case Kfn.TimeU64: {
      // Monotonic nanoseconds: a seeded start below 2^40 plus seeded steps, so values stay exact doubles.
      const step = m.stream.u32();
      m.clock = m.clock === 0 ? 1e9 + step * 256 : m.clock + 1 + (step & 0xfffff);
      const hi = Math.floor(m.clock / 0x100000000);
      m.events.push(`${name}() = ${m.clock}`);
      return returnScalar(m, (m.clock - hi * 0x100000000) | 0, hi, pc);
    }
    case Kfn.GetException:
      return returnScalar(m, m.slot.thrown ? 1 : 0, 0, pc);
    case Kfn.ResetException: {
      // RFC: clears the slot; mainline returns the cookie it held so the outer handler can return it.
      const lo = m.mainline ? m.slot.cookieLo : 0;
      const hi = m.mainline ? m.slot.cookieHi : 0;
      m.slot.clear();
      return returnScalar(m, lo, hi, pc);
    }
    case Kfn.Unknown:
      return m.raise('bad-call', pc, `kernel function ${name} is not modelled`);
    default: {
      const unreachable: never = kfn;
      throw new Error(`unhandled kernel function ${String(unreachable)}`);
    }
  }
}

/**
 * bpf_throw. Reference: unwind every frame at once; the program returns the cookie (mainline) or 0 (rfc).
 * Instrumented: record (thrown, cookie) in the slot and return, leaving the unwinding to the rewrite.
 * The RFC's bpf_throw takes no argument, so under rfc R1 is not read and the cookie is 0.
 */
function bpfThrow(m: Machine, pc: number): Status {
  if (m.mainline && !requireInit(m, 1, pc, 'bpf_throw')) return Status.Done;
  if (m.mainline && !releasedAsScalar(m, 1))
    return m.raise('bad-pointer', pc, 'bpf_throw takes a scalar cookie in r1');
  const lo = m.mainline ? m.lo[1]! : 0;
  const hi = m.mainline ? m.hi[1]! : 0;
  if (m.mode === 'instrumented') {
    m.slot.set(lo, hi);
    return returnVoid(m, pc);
  }
  m.thrown = true;
  m.cookieLo = lo;
  m.cookieHi = hi;
  m.unwound = m.frameNames();
  m.retLo = lo;
  m.retHi = hi;
  m.finished = true;
  return Status.Done;
}

/** bpf_loop(nr, callback, ctx, flags): checks as kernel/bpf/bpf_iter.c does, then enters the first callback. */
function bpfLoop(m: Machine, name: string, pc: number): Status {
  if (!requireScalar(m, 1, pc, name) || !requireInit(m, 3, pc, name) || !requireScalar(m, 4, pc, name)) {
    return Status.Done;
  }
  if (m.tag[2] !== Tag.Func) return m.raise('bad-call', pc, `${name} needs a callback address in r2`);
  // check_func_arg_reg_off: a callback pointer moved by pointer arithmetic is not a callback
  if (m.lo[2] !== 0) return m.raise('bad-call', pc, `${name} gets a callback address moved by ${m.lo[2]}`);
  const count = m.lo[1]! >>> 0;
  m.events.push(`${name}(nr=${count})`);
  if (m.lo[4] !== 0 || m.hi[4] !== 0) return returnScalar(m, -EINVAL, -1, pc);
  if (count > MAX_LOOPS) return returnScalar(m, -E2BIG, -1, pc);
  if (count === 0) return returnScalar(m, 0, 0, pc);
  const loop = m.frameAt(m.top + 1);
  loop.kind = FrameKind.Loop;
  loop.callPc = pc;
  loop.index = 0;
  loop.count = count;
  loop.callbackPc = m.hi[2]!;
  loop.argTag = m.tag[3]!;
  loop.argLo = m.lo[3]!;
  loop.argHi = m.hi[3]!;
  m.top++;
  return enterCallback(m, loop.callPc);
}

/** Start iteration `loop.index` of the innermost Loop frame: cb(index, ctx) in a new frame. */
function enterCallback(m: Machine, pc: number): Status {
  const loop = m.frames[m.top]!;
  if (!m.pushBpfFrame(loop.callbackPc, pc))
    return m.raise('call-depth', pc, 'more than 8 frames (callback of bpf_loop)');
  m.clobberArgs();
  m.setScalar(1, loop.index, 0);
  m.tag[2] = loop.argTag;
  m.lo[2] = loop.argLo;
  m.hi[2] = loop.argHi;
  m.pc = loop.callbackPc;
  return Status.Running;
}

/**
 * A callback returned to the innermost Loop frame with R0 = its result: stop on a non-zero result, stop with
 * -EJUKEBOX when (instrumented) the callback left the slot thrown, else run the next iteration.
 */
export function callbackReturned(m: Machine, pc: number): Status {
  const loop = m.frames[m.top]!;
  if (m.tag[0] !== Tag.Scalar) {
    return m.tag[0] === Tag.Uninit
      ? m.raise('uninit-register', pc, 'r0 is not initialised at the callback exit')
      : m.raise('bad-pointer', pc, 'the callback returns a pointer');
  }
  const stop = m.lo[0] !== 0 || m.hi[0] !== 0;
  loop.index++;
  if (stop) return finishLoop(m, loop.index);
  if (m.mode === 'instrumented' && m.slot.thrown) return finishLoop(m, -EJUKEBOX);
  if (loop.index < loop.count) return enterCallback(m, loop.callPc);
  return finishLoop(m, loop.count);
}

function finishLoop(m: Machine, result: number): Status {
  const loop = m.frames[m.top--]!;
  m.clobberArgs();
  m.setScalar(0, result, result < 0 ? -1 : 0);
  m.pc = loop.callPc + 1;
  return m.yieldAtCalls ? Status.CallExit : Status.Running;
}
