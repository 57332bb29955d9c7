/**
 * The state of one invocation of a program: registers, call frames, stack memory, ctx, objects and regions,
 * the exception slot it uses, and how it ended. The interpreter (interpreter.ts), memory access (memory.ts)
 * and kernel functions (kernel-calls.ts) operate on it; nothing here allocates while running.
 */
import type { RunFault, RunFaultKind } from '../bpf/result.js';
import type { CompiledProgram } from './compile.js';
import type { ExceptionSlot } from './slots.js';
import { Stream } from './stream.js';

/** How `bpf_throw` behaves (SPEC §6). */
export type Mode = 'reference' | 'instrumented';
export const MODES: readonly Mode[] = ['reference', 'instrumented'];
export const isMode = (s: string): s is Mode => (MODES as readonly string[]).includes(s);

/** What a register holds. Pointers keep an offset in `lo` and what they point into in `hi`. */
export const Tag = {
  Uninit: 0,
  Scalar: 1,
  /** hi unused; lo the offset into ctx. */
  Ctx: 2,
  /** hi the serial of the frame; lo the offset from its frame pointer (r10 is offset 0). */
  Stack: 3,
  /** hi the object's ordinal; lo the offset. */
  Obj: 4,
  /** hi the callback's pc. */
  Func: 5,
} as const;
export type Tag = (typeof Tag)[keyof typeof Tag];

export const FrameKind = {
  /** A subprogram (or callback) frame with its own 512-byte stack. */
  Bpf: 0,
  /** A `bpf_loop` helper between the caller and its callback. */
  Loop: 1,
} as const;
export type FrameKind = (typeof FrameKind)[keyof typeof FrameKind];

/** Status of a `run` slice. */
export const Status = {
  /** The slice's budget ran out; call run again. */
  Running: 0,
  /** The invocation ended (returned, threw in reference mode, or faulted). */
  Done: 1,
  /** Stopped before a traceable kernel function, which has not run yet (a nesting point). */
  CallEntry: 2,
  /** Stopped right after a traceable kernel function returned (a nesting point). */
  CallExit: 3,
} as const;
export type Status = (typeof Status)[keyof typeof Status];

export const STACK_SIZE = 512;
/** MAX_CALL_FRAMES: subprogram and callback frames together. */
export const MAX_FRAMES = 8;
/** BPF_MAX_LOOPS */
export const MAX_LOOPS = 1 << 23;

export class Frame {
  kind: FrameKind = FrameKind.Bpf;
  // Bpf frames
  startPc = 0;
  retPc = 0;
  serial = 0;
  /** Byte offset of this frame's stack in the arena (fp = memBase + STACK_SIZE). */
  memBase = 0;
  /** A global subprogram's frame: its exit reads R0 (check_return_code). */
  global = false;
  /** The caller's r6-r10, restored on return (callee-saved). */
  readonly savedTag = new Uint8Array(5);
  readonly savedLo = new Int32Array(5);
  readonly savedHi = new Int32Array(5);
  // Loop frames
  callPc = 0;
  index = 0;
  count = 0;
  callbackPc = 0;
  argTag = 0;
  argLo = 0;
  argHi = 0;
}

export interface MachineOptions {
  readonly mode: Mode;
  /** Instructions the invocation may execute before it faults with `fuel-exhausted`. */
  readonly fuel: number;
  /** Seed of the prandom/ktime stream. */
  readonly seed: string;
  /** 1-based ordinals of the `bpf_cpumask_create` calls that return NULL. */
  readonly nullCreates: ReadonlySet<number>;
  readonly slot: ExceptionSlot;
  /** Stop before and after every traceable kernel-function call, so a scheduler can nest an invocation there. */
  readonly yieldAtCalls: boolean;
}

export class Machine {
  readonly code: Int32Array;
  readonly mode: Mode;
  readonly mainline: boolean;
  readonly slot: ExceptionSlot;
  readonly nullCreates: ReadonlySet<number>;
  readonly yieldAtCalls: boolean;

  readonly tag = new Uint8Array(11);
  readonly lo = new Int32Array(11);
  readonly hi = new Int32Array(11);

  readonly ctx: Uint8Array;
  readonly input: Uint8Array;
  /**
   * All frames' stacks; a frame at depth d owns [d*512, (d+1)*512). The arrays cover the deepest frame
   * reached so far (growStack): most invocations never call, and a machine is made per invocation.
   */
  stack = new Uint8Array(STACK_SIZE);
  /** Per stack byte: serial of the frame that last wrote it; a byte is initialised iff it equals the owner's. */
  stamp = new Int32Array(STACK_SIZE);
  /** Per 8-byte stack slot: a spilled pointer, valid iff spillStamp equals the owner's serial. */
  spillStamp = new Int32Array(STACK_SIZE / 8);
  spillTag = new Uint8Array(STACK_SIZE / 8);
  spillLo = new Int32Array(STACK_SIZE / 8);
  spillHi = new Int32Array(STACK_SIZE / 8);

  /** Frame records, made when first reached (most invocations never call: a Frame is 3 typed arrays). */
  readonly frames: Frame[] = [new Frame()];
  /** Index of the innermost frame record. */
  top = 0;
  /** Number of Bpf frames. */
  depth = 1;
  nextSerial = 1;

  pc = 0;
  fuel: number;
  /** A call whose CallEntry stop has been taken: run it without stopping again. */
  callEntered = false;

  /** Per create ordinal: 0 NULL returned, 1 live, 2 released (index 0 unused). */
  readonly objects: number[] = [0];
  rcu = 0;
  preempt = 0;
  readonly events: string[] = [];
  private streamState: Stream | null = null;
  private readonly seed: string;
  clock = 0;

  finished = false;
  retLo = 0;
  retHi = 0;
  thrown = false;
  cookieLo = 0;
  cookieHi = 0;
  unwound: string[] | null = null;
  fault: RunFault | null = null;
  indeterminate = false;

  constructor(
    readonly compiled: CompiledProgram,
    input: Uint8Array,
    options: MachineOptions,
  ) {
    this.code = compiled.code;
    this.mode = options.mode;
    this.mainline = compiled.program.profile === 'mainline';
    this.slot = options.slot;
    this.nullCreates = options.nullCreates;
    this.yieldAtCalls = options.yieldAtCalls;
    this.fuel = options.fuel;
    this.seed = options.seed;
    this.input = input;
    this.ctx = Uint8Array.from(input);
    const main = this.frames[0]!;
    main.kind = FrameKind.Bpf;
    main.startPc = 0;
    main.serial = this.nextSerial++;
    main.memBase = 0;
    this.setStack(10, main.serial, 0);
    if (compiled.program.kind === 'ext') {
      // An extension replaces a global subprogram: its arguments are R1..Rn. The runtime takes them as u64
      // little-endian words of the input.
      const args = compiled.subprogAt.get(0)?.args ?? 0;
      const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
      for (let r = 1; r <= args; r++) {
        const at = (r - 1) * 8;
        this.setScalar(
          r,
          at + 4 <= input.length ? view.getInt32(at, true) : 0,
          at + 8 <= input.length ? view.getInt32(at + 4, true) : 0,
        );
      }
    } else {
      this.tag[1] = Tag.Ctx;
    }
  }

  get stream(): Stream {
    this.streamState ??= new Stream(this.seed);
    return this.streamState;
  }

  setScalar(r: number, lo: number, hi: number): void {
    this.tag[r] = Tag.Scalar;
    this.lo[r] = lo;
    this.hi[r] = hi;
  }

  setStack(r: number, serial: number, off: number): void {
    this.tag[r] = Tag.Stack;
    this.lo[r] = off;
    this.hi[r] = serial;
  }

  /** R1-R5 after any call: the verifier marks them NOT_INIT, and so does the runtime. */
  clobberArgs(): void {
    this.tag.fill(Tag.Uninit, 1, 6);
  }

  /** Ends the run with a fault; returns Done so the interpreter can `return m.raise(...)`. */
  raise(kind: RunFaultKind, pc: number, message: string): Status {
    this.fault = { kind, pc, message };
    this.finished = true;
    return Status.Done;
  }

  /** The frame record of the innermost Bpf frame whose serial is `serial`, or undefined when it has returned. */
  frameBySerial(serial: number): Frame | undefined {
    for (let i = this.top; i >= 0; i--) {
      const f = this.frames[i]!;
      if (f.kind === FrameKind.Bpf && f.serial === serial) return f;
    }
    return undefined;
  }

  /** The frame record at `i` (every Bpf frame plus at most one Loop frame between two), made on first use. */
  frameAt(i: number): Frame {
    return (this.frames[i] ??= new Frame());
  }

  /** Makes the stack arrays cover `frames` frames (never shrinks: a stale pointer's frame stays covered). */
  private growStack(frames: number): void {
    const bytes = Math.min(MAX_FRAMES, Math.max(frames, 2 * (this.stack.length / STACK_SIZE))) * STACK_SIZE;
    const grow = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T, n: number): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.stack = grow(this.stack, (n) => new Uint8Array(n), bytes);
    this.stamp = grow(this.stamp, (n) => new Int32Array(n), bytes);
    this.spillStamp = grow(this.spillStamp, (n) => new Int32Array(n), bytes / 8);
    this.spillTag = grow(this.spillTag, (n) => new Uint8Array(n), bytes / 8);
    this.spillLo = grow(this.spillLo, (n) => new Int32Array(n), bytes / 8);
    this.spillHi = grow(this.spillHi, (n) => new Int32Array(n), bytes / 8);
  }

  /** Push a Bpf frame entered at `startPc`, saving the caller's r6-r10. False when the frame limit is hit. */
  pushBpfFrame(startPc: number, retPc: number): boolean {
    if (this.depth >= MAX_FRAMES) return false;
    if ((this.depth + 1) * STACK_SIZE > this.stack.length) this.growStack(this.depth + 1);
    const f = this.frameAt(++this.top);
    f.kind = FrameKind.Bpf;
    f.startPc = startPc;
    f.retPc = retPc;
    f.serial = this.nextSerial++;
    f.memBase = this.depth * STACK_SIZE;
    f.global = false;
    this.depth++;
    for (let k = 0; k < 5; k++) {
      f.savedTag[k] = this.tag[6 + k]!;
      f.savedLo[k] = this.lo[6 + k]!;
      f.savedHi[k] = this.hi[6 + k]!;
    }
    this.tag[0] = Tag.Uninit;
    this.tag.fill(Tag.Uninit, 6, 10);
    this.setStack(10, f.serial, 0);
    return true;
  }

  /** Pop the innermost (Bpf) frame, restoring the caller's r6-r10 and clobbering r1-r5. */
  popBpfFrame(): Frame {
    const f = this.frames[this.top--]!;
    this.depth--;
    for (let k = 0; k < 5; k++) {
      this.tag[6 + k] = f.savedTag[k]!;
      this.lo[6 + k] = f.savedLo[k]!;
      this.hi[6 + k] = f.savedHi[k]!;
    }
    this.clobberArgs();
    return f;
  }

  /** Names of the frames from the innermost out, for `unwound`. */
  frameNames(): string[] {
    const names: string[] = [];
    for (let i = this.top; i >= 0; i--) {
      const f = this.frames[i]!;
      names.push(
        f.kind === FrameKind.Loop
          ? 'bpf_loop'
          : (this.compiled.subprogAt.get(f.startPc)?.name ?? `sub@${f.startPc}`),
      );
    }
    return names;
  }
}
