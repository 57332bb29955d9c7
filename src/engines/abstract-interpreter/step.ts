/**
 * One instruction on one abstract state (do_check's body): ALU (check_alu_op, adjust_ptr_min_max_vals,
 * adjust_scalar_min_max_vals), jumps (check_cond_jmp_op), memory (check_mem_access), calls and exit.
 */
import { lddwValue, type Insn } from '../../bpf/insn.js';
import type { Verdict } from '../../bpf/result.js';
import { scalarAlu, scalarNeg, isScalarOp } from './alu.js';
import type { Outcome } from './analyze.js';
import { branchTaken, negate, refine, type CondOp } from './branch.js';
import { callKernelFn, callSubprog } from './calls.js';
import type { Shape } from './cfg.js';
import { loadMem, storeMem } from './memory.js';
import { SCALAR_UNKNOWN, sanityChecked, scalarConst, type Scalar } from './scalar.js';
import { NONE, setReg, top, typeName, withIdBeforeMov, type Slot, type State, type Val } from './state.js';
import type { Mark } from '../../bpf/result.js';
import type { Profile, Quirk } from '../../bpf/profile.js';
import { regionLeakRfc, unreleased, type Rejection } from './messages.js';

/** What the step needs from the interpreter. */
export interface StepEnv {
  readonly shape: Extract<Shape, { ok: true }>;
  readonly profile: Profile;
  readonly quirks: readonly Quirk[];
  readonly globalThrows: readonly boolean[];
  readonly instrumented: boolean;
  readonly canThrow: boolean[];
  readonly stackDepth: number[];
  /** Globals a reached call targets (the kernel's subprog aux `called`): only those are verified. */
  readonly called: boolean[];
  /** Subprograms a reached bpf_loop call enters as its callback (push_callback_call sets is_cb). */
  readonly isCallback: boolean[];
  /**
   * Rounds of the callback already run at the bpf_loop callsite being stepped (the frame's
   * callback_depth): a state there came back from that many callback exits.
   */
  readonly callbackDepth: number;
  mark(pc: number, frameDepth: number, subprog: number): void;
  resourceAtExit(s: State): Rejection | null;
  readonly marks: Map<number, Set<Exclude<Mark, 'none'>>>;
}

export const rejectAt = (s: State, pc: number, r: Rejection): Outcome => ({
  to: 'event',
  key: s.key,
  verdict: { accepted: false, class: r.class, message: r.message, insn: pc },
});
export const unsupportedAt = (s: State, pc: number, reason: string): Outcome => ({
  to: 'event',
  key: s.key,
  verdict: { accepted: null, status: 'unsupported', reason, insn: pc } satisfies Verdict,
});

const notInit = (r: number): Rejection => ({ class: 'uninit', message: `R${r} !read_ok` });

export function stepInsn(env: StepEnv, s: State, pc: number): Outcome[] {
  const insn = env.shape.insns[env.shape.insnAt[pc]!]!;
  const f = top(s);
  const next = (st: State, to = pc + 1): Outcome => ({ to: 'pc', pc: to, s: st });
  switch (insn.kind) {
    case 'alu':
      return alu(s, pc, insn, next);
    case 'neg': {
      if (insn.width === 32) return [unsupportedAt(s, pc, '32-bit ALU')];
      const v = f.regs[insn.dst]!;
      if (v.k === 'none') return [rejectAt(s, pc, notInit(insn.dst))];
      if (v.k !== 'scalar')
        return [
          rejectAt(s, pc, {
            class: 'bad-access',
            message: `R${insn.dst} pointer arithmetic with neg operator prohibited`,
          }),
        ];
      return [next(setReg(s, insn.dst, { k: 'scalar', s: scalarNeg(v.s) }))];
    }
    case 'ja':
      return [next(s, pc + insn.off + 1)];
    case 'jmp':
      return jump(env, s, pc, insn);
    case 'ldx':
    case 'stx':
    case 'st':
      return insn.kind === 'ldx' ? loadMem(env, s, pc, insn) : storeMem(env, s, pc, insn);
    case 'lddw':
      if (insn.dst === 10)
        return [rejectAt(s, pc, { class: 'bad-access', message: 'frame pointer is read only' })];
      return [next(setReg(s, insn.dst, { k: 'scalar', s: scalarConst(lddwValue(insn)) }), pc + 2)];
    case 'ldfunc': {
      const sub = env.shape.owner[pc + insn.off + 1]!;
      return [next(setReg(s, insn.dst, { k: 'func', subprog: sub }), pc + 2)];
    }
    case 'helper':
    case 'kfunc':
      return callKernelFn(env, s, pc, insn);
    case 'call':
      return callSubprog(env, s, pc, pc + insn.off + 1);
    case 'exit':
      return exit(env, s, pc);
    default: {
      const never: never = insn;
      throw new Error(`unknown insn ${String(never)}`);
    }
  }
}

type Next = (st: State, to?: number) => Outcome;

const OP_SYMBOL: Record<string, string> = {
  and: '&',
  or: '|',
  xor: '^',
  lsh: '<<',
  rsh: '>>',
  arsh: 's>>',
};

/** BPF_MAX_VAR_OFF */
const MAX_VAR_OFF = 1 << 29;

function alu(s: State, pc: number, insn: Extract<Insn, { kind: 'alu' }>, next: Next): Outcome[] {
  const f = top(s);
  if (insn.dst === 10)
    return [rejectAt(s, pc, { class: 'bad-access', message: 'frame pointer is read only' })];
  let src: Val;
  if (insn.src.kind === 'reg') {
    src = f.regs[insn.src.reg]!;
    if (src.k === 'none') return [rejectAt(s, pc, notInit(insn.src.reg))];
  } else src = { k: 'scalar', s: scalarConst(BigInt(insn.src.imm)) };
  if (insn.op === 'mov') {
    if (insn.width === 32) return [unsupportedAt(s, pc, '32-bit ALU')];
    if (insn.src.kind === 'reg' && src.k === 'scalar') {
      // A copy shares a link id with its source (mov64 of a non-constant scalar); a source linked with a
      // delta leaves that link first (assign_scalar_id_before_mov).
      const st = withIdBeforeMov(s, insn.src.reg);
      return [next(setReg(st, insn.dst, top(st).regs[insn.src.reg]!))];
    }
    return [next(setReg(s, insn.dst, src))];
  }
  const dst = f.regs[insn.dst]!;
  if (dst.k === 'none') return [rejectAt(s, pc, notInit(insn.dst))];
  if (insn.op === 'div' || insn.op === 'mod') {
    if (insn.src.kind === 'imm' && insn.src.imm === 0)
      return [rejectAt(s, pc, { class: 'bad-access', message: 'div by zero' })];
    return [unsupportedAt(s, pc, `ALU ${insn.op}`)];
  }
  if (insn.op === 'mul') return [unsupportedAt(s, pc, 'ALU mul')];
  if (dst.k !== 'scalar' || src.k !== 'scalar') return ptrAlu(s, pc, insn, dst, src, next);
  if (insn.width === 32) return [unsupportedAt(s, pc, '32-bit ALU')];
  if (!isScalarOp(insn.op)) return [unsupportedAt(s, pc, 'ALU operation')];
  let r = scalarAlu(insn.op, dst.s, src.s);
  // BPF_ADD_CONST (adjust_reg_min_max_vals): `rX += K` / `rX -= K` with K an s32 (for `-=`, not S32_MIN)
  // keeps rX linked to its copies with the delta recorded, once: a link that already went through one,
  // `rX += 0` included, is dropped.
  if ((insn.op === 'add' || insn.op === 'sub') && dst.s.id !== 0 && src.s.t.mask === 0n) {
    const k = BigInt.asIntN(64, src.s.t.value);
    const fits = k >= -0x80000000n && k <= 0x7fffffffn && (insn.op === 'add' || k !== -0x80000000n);
    if (dst.s.delta === null && fits) r = { ...r, id: dst.s.id, delta: Number(insn.op === 'add' ? k : -k) };
  }
  return [next(setReg(s, insn.dst, { k: 'scalar', s: r }))];
}

/** check_reg_sane_offset */
function saneOffset(
  reg: { known: bigint | null; off: number; smin: bigint; smax: bigint },
  name: string,
): string | null {
  if (reg.known !== null) {
    const v = BigInt.asIntN(64, reg.known);
    if (v >= MAX_VAR_OFF || v <= -MAX_VAR_OFF) return `math between ${name} pointer and ${v} is not allowed`;
  }
  if (reg.off >= MAX_VAR_OFF || reg.off <= -MAX_VAR_OFF)
    return `${name} pointer offset ${reg.off} is not allowed`;
  if (reg.smin === -(1n << 63n))
    return `math between ${name} pointer and register with unbounded min value is not allowed`;
  if (reg.smin <= -MAX_VAR_OFF || reg.smax >= MAX_VAR_OFF)
    return `value ${reg.smin} makes ${name} pointer be out of bounds`;
  return null;
}

/** adjust_reg_min_max_vals with a pointer operand, then adjust_ptr_min_max_vals */
function ptrAlu(
  s: State,
  pc: number,
  insn: Extract<Insn, { kind: 'alu' }>,
  dst: Val,
  src: Val,
  next: Next,
): Outcome[] {
  const d = insn.dst;
  const bad = (message: string): Outcome[] => [rejectAt(s, pc, { class: 'bad-access', message })];
  const op = insn.op;
  const sym = `${OP_SYMBOL[op] ?? (op === 'add' ? '+' : op === 'sub' ? '-' : op)}=`;
  if (dst.k !== 'scalar' && src.k !== 'scalar') {
    // Root may subtract pointers: the difference is an unknown scalar.
    if (op === 'sub') return [next(setReg(s, d, { k: 'scalar', s: SCALAR_UNKNOWN }))];
    return bad(`R${d} pointer ${sym} pointer prohibited`);
  }
  if (insn.width === 32) return bad(`R${d} 32-bit pointer arithmetic prohibited`);
  let ptr = dst;
  let off: Scalar = src.k === 'scalar' ? src.s : SCALAR_UNKNOWN;
  if (dst.k === 'scalar') {
    ptr = src;
    off = dst.s;
  }
  if (ptr.k === 'obj' && ptr.maybeNull)
    return bad(`R${d} pointer arithmetic on ptr_or_null_ prohibited, null-check it first`);
  // reg_type_str: a kernel object prints as `ptr_` (the struct name is not appended).
  const name = typeName(ptr);
  const known = off.t.mask === 0n ? off.t.value : null;
  const e1 = saneOffset({ known, off: off.delta ?? 0, smin: off.smin, smax: off.smax }, name);
  if (e1 !== null) return bad(e1);
  const ptrOff = ptr.k === 'ctx' || ptr.k === 'fp' ? ptr.off : 0;
  const e2 = saneOffset({ known: null, off: ptrOff, smin: 0n, smax: 0n }, name);
  if (e2 !== null) return bad(e2);
  if (op === 'sub' && dst.k === 'scalar') return bad(`R${d} tried to subtract pointer from scalar`);
  if (op === 'sub' && ptr.k === 'fp') return bad(`R${d} subtraction from stack pointer prohibited`);
  if (op === 'and' || op === 'or' || op === 'xor')
    return bad(`R${d} bitwise operator ${sym} on pointer prohibited`);
  if (op !== 'add' && op !== 'sub') return bad(`R${d} pointer arithmetic with ${sym} operator prohibited`);
  if (ptr.k !== 'ctx' && ptr.k !== 'fp')
    return [unsupportedAt(s, pc, `an offset on a ${ptr.k === 'obj' ? 'kernel object' : 'callback'} pointer`)];
  if (known === null) return [unsupportedAt(s, pc, `a variable offset on a ${name} pointer`)];
  const v = Number(BigInt.asIntN(64, known));
  const nv = op === 'add' ? ptr.off + v : ptr.off - v;
  const e3 = saneOffset({ known: null, off: nv, smin: 0n, smax: 0n }, name);
  if (e3 !== null) return bad(e3);
  return [next(setReg(s, d, { ...ptr, off: nv }))];
}

function jump(env: StepEnv, s0: State, pc: number, insn: Extract<Insn, { kind: 'jmp' }>): Outcome[] {
  // Outside the fragment (SPEC §3), and only now that a path reaches it (cfg.ts defers it here).
  if (insn.width === 32) return [unsupportedAt(s0, pc, '32-bit jumps')];
  const operand = (st: State): Val =>
    insn.src.kind === 'reg'
      ? top(st).regs[insn.src.reg]!
      : { k: 'scalar', s: scalarConst(BigInt(insn.src.imm)) };
  const a0 = top(s0).regs[insn.dst]!;
  if (a0.k === 'none') return [rejectAt(s0, pc, notInit(insn.dst))];
  const b0 = operand(s0);
  if (b0.k === 'none') return [rejectAt(s0, pc, notInit(insn.src.kind === 'reg' ? insn.src.reg : 0))];
  // check_cond_jmp_op: when the branch is not decided, the source's links are collected, then the
  // destination's (collect_linked_regs), before the state splits.
  let s = s0;
  if (a0.k === 'scalar' && b0.k === 'scalar' && branchTaken(a0.s, b0.s, insn.op) === -1) {
    const record = { count: 0 };
    if (insn.src.kind === 'reg') s = collectLinked(env, s, pc, b0.s.id, record);
    // Read again: the source's collection may have taken the destination's id.
    const d = top(s).regs[insn.dst]!;
    if (d.k === 'scalar') s = collectLinked(env, s, pc, d.s.id, record);
  }
  const a = top(s).regs[insn.dst]!;
  const b = operand(s);
  const fall = pc + 1;
  const target = pc + insn.off + 1;
  const op: CondOp = insn.op;
  const both = (sf: State | null, st: State | null): Outcome[] => {
    const out: Outcome[] = [];
    if (sf !== null && st !== null) {
      out.push({ to: 'pc', pc: fall, s: { ...sf, key: s.key + '0' } });
      out.push({ to: 'pc', pc: target, s: { ...st, key: s.key + '1' } });
    } else if (sf !== null) out.push({ to: 'pc', pc: fall, s: sf });
    else if (st !== null) out.push({ to: 'pc', pc: target, s: st });
    return out;
  };
  if (a.k === 'scalar' && b.k === 'scalar') {
    const taken = branchTaken(a.s, b.s, op);
    if (taken === 1) return both(null, s);
    if (taken === 0) return both(s, null);
    const onSide = (o: CondOp): State | null => {
      const [rx, ry] = refine(a.s, b.s, o);
      // reg_set_min_max: refined bounds that contradict are forgotten, never a reason to prune.
      const x = sanityChecked(rx);
      const y = sanityChecked(ry);
      let st = setLinked(s, a.s, x);
      if (insn.src.kind === 'reg') st = setLinked(setReg(st, insn.src.reg, { k: 'scalar', s: y }), b.s, y);
      st = setReg(st, insn.dst, { k: 'scalar', s: x });
      if (insn.src.kind === 'reg') st = setReg(st, insn.src.reg, { k: 'scalar', s: y });
      return st;
    };
    return both(onSide(negate(op)), onSide(op));
  }
  // Pointers: only a known-non-NULL pointer against 0 decides a branch (is_branch_taken); a maybe-NULL
  // object against 0 splits into NULL and non-NULL (mark_ptr_or_null_regs).
  const ptr = a.k === 'scalar' ? b : a;
  const other = a.k === 'scalar' ? a : b;
  const zero = other.k === 'scalar' && other.s.t.mask === 0n && other.s.t.value === 0n;
  if ((op === 'jeq' || op === 'jne') && zero && ptr.k === 'obj') {
    if (ptr.maybeNull) {
      const nul = nullBranch(s, ptr.id, ptr.ref, true);
      const non = nullBranch(s, ptr.id, ptr.ref, false);
      return op === 'jeq' ? both(non, nul) : both(nul, non);
    }
    // reg_not_null: only a non-NULL object decides (not ctx, fp or func pointers).
    return op === 'jeq' ? both(s, null) : both(null, s);
  }
  return both(s, { ...s });
}

/** mark_ptr_or_null_regs: every copy of the object becomes NULL (scalar 0, reference dropped) or non-NULL. */
function nullBranch(s: State, id: number, ref: number, isNull: boolean): State {
  const conv = (v: Val): Val =>
    v.k === 'obj' && v.id === id
      ? isNull
        ? { k: 'scalar', s: scalarConst(0n) }
        : { ...v, maybeNull: false }
      : v;
  const frames = s.frames.map((f) => ({
    ...f,
    regs: f.regs.map(conv),
    stack: f.stack.map((slot) => (slot?.spill ? { ...slot, spill: conv(slot.spill) } : slot)),
  }));
  return { ...s, frames, refs: isNull ? s.refs.filter((r) => r.id !== ref) : s.refs };
}

/** LINKED_REGS_MAX: the entries one conditional jump records (struct linked_regs). */
const LINKED_REGS_MAX = 6;

/**
 * collect_linked_regs, before the branch splits: the scalars sharing `id` in the registers live at each
 * frame's point (the top frame's pc, a caller's callsite; a static callee's caller holds no R0-R5, which
 * check_func_call cleared), then every spilled slot, frame by frame from the top, are recorded; past
 * LINKED_REGS_MAX one loses its id (__collect_linked_regs). The jump collects for the source register and
 * then for the destination, into the same record, so a comparison of two copies of one value counts each
 * of them twice: four live copies already drop the later ones, a caller's copy among them.
 */
function collectLinked(env: StepEnv, s: State, pc: number, id: number, record: { count: number }): State {
  if (id === 0) return s;
  const keep = (v: Val | null | undefined): Val | null => {
    if (v?.k !== 'scalar' || v.s.id !== id) return null;
    if (++record.count <= LINKED_REGS_MAX) return null;
    return { k: 'scalar', s: { ...v.s, id: 0, delta: null } };
  };
  const frames = s.frames.slice();
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i]!;
    const callee = frames[i + 1];
    const live =
      callee === undefined
        ? env.shape.liveIn[pc]!
        : env.shape.liveIn[callee.callsite]! & (callee.callback ? 0x3ff : ~0x3f);
    let regs: Val[] | null = null;
    for (let r = 0; r < 10; r++) {
      if ((live & (1 << r)) === 0) continue;
      const v = keep(f.regs[r]);
      if (v !== null) (regs ??= f.regs.slice())[r] = v;
    }
    let stack: (Slot | undefined)[] | null = null;
    f.stack.forEach((slot, j) => {
      const v = keep(slot?.spill);
      if (v !== null && slot !== undefined) (stack ??= f.stack.slice())[j] = { ...slot, spill: v };
    });
    if (regs !== null || stack !== null) frames[i] = { ...f, regs: regs ?? f.regs, stack: stack ?? f.stack };
  }
  return { ...s, frames };
}

/** sync_linked_regs: every scalar sharing the refined one's id gets its bounds (shifted by the deltas). */
function setLinked(s: State, before: Scalar, after: Scalar): State {
  if (before.id === 0) return s;
  const conv = (v: Val): Val => {
    if (v.k !== 'scalar' || v.s.id !== before.id) return v;
    if (v.s.delta === before.delta) return { k: 'scalar', s: { ...after, id: v.s.id, delta: v.s.delta } };
    const diff = BigInt((v.s.delta ?? 0) - (before.delta ?? 0));
    const moved = scalarAlu('add', { ...after, id: 0, delta: null }, scalarConst(diff));
    return { k: 'scalar', s: { ...moved, id: v.s.id, delta: v.s.delta } };
  };
  const frames = s.frames.map((f) => ({
    ...f,
    regs: f.regs.map(conv),
    stack: f.stack.map((slot) => (slot?.spill ? { ...slot, spill: conv(slot.spill) } : slot)),
  }));
  return { ...s, frames };
}

/**
 * BPF_EXIT (process_bpf_exit_full). Frame 0 (main, or a global verified on its own): check_resource_leak
 * first, then check_return_code: R0 must be readable; a global returns a scalar; main may return anything
 * (root: is_pointer_value allows a pointer, and BPF_PROG_TYPE_SYSCALL has no return range). A deeper frame
 * returns through prepare_func_exit: no stack pointer back to the caller, and a callback's R0 must be a
 * scalar (NOT_INIT is not one: no `!read_ok` here) within [0, 1].
 */
function exit(env: StepEnv, s: State, pc: number): Outcome[] {
  const f = top(s);
  const depth = s.frames.length - 1;
  const r0 = f.regs[0]!;
  if (depth > 0) {
    if (env.profile === 'rfc') {
      // The RFC's process_bpf_exit_full, before prepare_func_exit: the regions at every BPF_EXIT, then
      // check_reference_leak, which in a callback's frame reports the references the callback acquired
      // itself (callback_ref); only then the callback's return range.
      const leak =
        regionLeakRfc(s.rcu, s.preempt) ??
        (f.callback ? unreleased(s.refs.filter((r) => r.cb === depth)) : null);
      if (leak !== null) return [rejectAt(s, pc, leak)];
    }
    // prepare_func_exit: any fp, even one into a caller's frame.
    if (r0.k === 'fp')
      return [rejectAt(s, pc, { class: 'bad-return', message: 'cannot return stack pointer to the caller' })];
    if (f.callback) {
      if (r0.k !== 'scalar')
        return [rejectAt(s, pc, { class: 'bad-return', message: 'R0 not a scalar value' })];
      if (r0.s.smin < 0n || r0.s.smax > 1n) {
        // verbose_invalid_scalar
        const parts: string[] = [];
        if (r0.s.smin > -(1n << 63n)) parts.push(`smin=${r0.s.smin}`);
        if (r0.s.smax < (1n << 63n) - 1n) parts.push(`smax=${r0.s.smax}`);
        const range = parts.length > 0 ? parts.join(' ') : 'unknown scalar value';
        return [
          rejectAt(s, pc, {
            class: 'bad-return',
            message: `At callback return the register R0 has ${range} should have been in [0, 1]`,
          }),
        ];
      }
    }
    return [{ to: 'exit', s }];
  }
  const leak = env.resourceAtExit(s);
  if (leak !== null) return [rejectAt(s, pc, leak)];
  if (r0.k === 'none') return [rejectAt(s, pc, notInit(0))];
  if (f.subprog !== 0 && r0.k !== 'scalar')
    return [
      rejectAt(s, pc, {
        class: 'bad-return',
        message: `At subprogram exit the register R0 is not a scalar value (${typeName(r0)})`,
      }),
    ];
  return [{ to: 'exit', s }];
}

export { NONE };
