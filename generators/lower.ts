/**
 * Lowering: a plan to `src/bpf` Program data (instructions, functions, labels, inputs), never text. Jumps
 * and calls are emitted against names and resolved at the end into slot offsets (`ld_imm64` forms take two
 * slots; an offset counts from the slot after the instruction, as the kernel encodes it).
 */
import { BPF_LOOP_ID } from '../src/bpf/kernel-functions.js';
import { slotsOf, type Insn, type JmpOp, type Operand, type Reg, type Size } from '../src/bpf/insn.js';
import type { FuncDecl, Label, Program, ProgramInput } from '../src/bpf/program.js';
import type { Arg, Cond, FuncPlan, ProgramPlan, Region, Stmt, Value } from './plan.js';

type Item = { readonly insn: Insn; readonly target?: string } | { readonly label: string };

const mov = (dst: Reg, src: Operand): Insn => ({ kind: 'alu', width: 64, op: 'mov', dst, src });
const imm = (n: number): Operand => ({ kind: 'imm', imm: n });
const reg = (r: Reg): Operand => ({ kind: 'reg', reg: r });
const kfunc = (name: string): Insn => ({ kind: 'kfunc', name, btfId: null });
const operand = (v: Value): Operand => (v.kind === 'imm' ? imm(v.imm) : reg(v.reg));
const LOCK: Readonly<Record<Region, readonly [string, string]>> = {
  rcu: ['bpf_rcu_read_lock', 'bpf_rcu_read_unlock'],
  preempt: ['bpf_preempt_disable', 'bpf_preempt_enable'],
};

class Assembler {
  readonly items: Item[] = [];
  private labels = 0;

  constructor(private readonly funcs: readonly FuncPlan[]) {}

  emit(insn: Insn, target?: string): void {
    this.items.push(target === undefined ? { insn } : { insn, target });
  }
  fresh(): string {
    return `l${this.labels++}`;
  }
  place(label: string): void {
    this.items.push({ label });
  }
  jmp(cond: Cond, target: string): void {
    this.emit({ kind: 'jmp', width: 64, op: cond.op, dst: cond.reg, src: operand(cond.src), off: 0 }, target);
  }
  jmpImm(op: JmpOp, dst: Reg, n: number, target: string): void {
    this.emit({ kind: 'jmp', width: 64, op, dst, src: imm(n), off: 0 }, target);
  }
  call(callee: number): void {
    this.emit({ kind: 'call', off: 0 }, this.funcs[callee]!.name);
  }
  args(args: readonly Arg[]): void {
    args.forEach((a, i) => {
      this.emit(mov((i + 1) as Reg, a.kind === 'ctx' ? reg(6) : operand(a)));
    });
  }

  stmts(list: readonly Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  stmt(s: Stmt): void {
    switch (s.kind) {
      case 'alu':
        this.emit({ kind: 'alu', width: 64, op: s.op, dst: s.dst, src: operand(s.src) });
        return;
      case 'neg':
        this.emit({ kind: 'neg', width: 64, dst: s.dst });
        return;
      case 'load-ctx':
        this.emit({ kind: 'ldx', size: s.size, dst: s.dst, src: 6, off: s.off });
        return;
      case 'if': {
        const end = this.fresh();
        if (s.taken.length === 0) {
          this.jmp(s.cond, end);
          this.stmts(s.fall);
        } else {
          const taken = this.fresh();
          this.jmp(s.cond, taken);
          this.stmts(s.fall);
          this.emit({ kind: 'ja', off: 0 }, end);
          this.place(taken);
          this.stmts(s.taken);
        }
        this.place(end);
        return;
      }
      case 'assert': {
        // The jump is always taken (the verifier proves it: is_branch_taken); `dead` is the fall-through.
        const end = this.fresh();
        switch (s.how) {
          case 'mask':
            this.emit(mov(s.scratch, reg(s.reg)));
            this.emit({ kind: 'alu', width: 64, op: 'and', dst: s.scratch, src: imm(s.imm) });
            this.jmpImm('jle', s.scratch, s.imm, end);
            break;
          case 'const':
            this.emit(mov(s.scratch, imm(s.imm)));
            this.jmpImm('jeq', s.scratch, s.imm, end);
            break;
          case 'linked':
            // scratch = reg shares reg's id (copy); reg <= imm on the fall-through refines both.
            this.emit(mov(s.scratch, reg(s.reg)));
            this.jmpImm('jgt', s.reg, s.imm, end);
            this.jmpImm('jle', s.scratch, s.imm, end);
            break;
          default: {
            const never: never = s.how;
            return never;
          }
        }
        this.stmts(s.dead);
        this.place(end);
        return;
      }
      case 'throw':
        this.emit(mov(1, operand(s.cookie)));
        this.emit(kfunc('bpf_throw'));
        return;
      case 'call':
        this.args(s.args);
        this.call(s.callee);
        if (s.result !== null) this.emit(mov(s.result, reg(0)));
        return;
      case 'loop': {
        const c = s.count;
        switch (c.kind) {
          case 'const':
            this.emit(mov(1, imm(c.n)));
            break;
          case 'ctx-masked':
            this.emit({ kind: 'ldx', size: c.size, dst: 1, src: 6, off: c.off });
            this.emit({ kind: 'alu', width: 64, op: 'and', dst: 1, src: imm(c.mask) });
            break;
          case 'reg-masked':
            this.emit(mov(1, reg(c.reg)));
            this.emit({ kind: 'alu', width: 64, op: 'and', dst: 1, src: imm(c.mask) });
            if (c.plusOne) this.emit({ kind: 'alu', width: 64, op: 'add', dst: 1, src: imm(1) });
            break;
          default: {
            const never: never = c;
            return never;
          }
        }
        this.emit({ kind: 'ldfunc', dst: 2, off: 0 }, this.funcs[s.callee]!.name);
        if (s.ctx === 'stack') {
          this.emit({ kind: 'stx', size: 8, dst: 10, src: 7, off: s.slot });
          this.emit(mov(3, reg(10)));
          this.emit({ kind: 'alu', width: 64, op: 'add', dst: 3, src: imm(s.slot) });
        } else this.emit(mov(3, imm(0)));
        this.emit(mov(4, imm(0)));
        this.emit({ kind: 'helper', id: BPF_LOOP_ID });
        if (s.result !== null) this.emit(mov(s.result, reg(0)));
        return;
      }
      case 'ref':
        this.ref(s);
        return;
      case 'region':
        this.region(s);
        return;
      case 'stack':
        if (s.value.kind === 'imm')
          this.emit({ kind: 'st', size: s.size, dst: 10, off: s.off, imm: s.value.imm });
        else this.emit({ kind: 'stx', size: s.size, dst: 10, src: s.value.reg, off: s.off });
        if (s.reload !== null) this.emit({ kind: 'ldx', size: s.size, dst: s.reload, src: 10, off: s.off });
        return;
      case 'helper':
        this.emit({ kind: 'helper', id: s.which === 'prandom' ? 7 : 5 });
        this.emit(mov(s.dst, reg(0)));
        return;
      case 'raw':
        for (const insn of s.insns) this.emit(insn);
        return;
      default: {
        const never: never = s;
        return never;
      }
    }
  }

  private ref(s: Extract<Stmt, { kind: 'ref' }>): void {
    const end = this.fresh();
    if (s.factory === null) this.emit(kfunc('bpf_cpumask_create'));
    else this.call(s.factory);
    if (s.end !== 'no-null-check') this.jmpImm('jeq', 0, 0, end);
    const fill = (): void => {
      this.emit(s.slot === 0 ? mov(1, reg(0)) : { kind: 'ldx', size: 8, dst: 1, src: 10, off: s.slot });
    };
    if (s.slot !== 0) this.emit({ kind: 'stx', size: 8, dst: 10, src: 0, off: s.slot });
    this.stmts(s.hold);
    const release = (): void => {
      fill();
      this.emit(kfunc('bpf_cpumask_release'));
    };
    switch (s.end) {
      case 'release':
      case 'no-null-check':
        release();
        break;
      case 'leak':
        break;
      case 'double-release':
        release();
        release();
        break;
      case 'leak-on-input': {
        const skip = this.fresh();
        this.jmp(s.cond!, skip);
        release();
        this.place(skip);
        break;
      }
      case 'throw-held': {
        const no = this.fresh();
        this.jmp(s.cond!, no);
        this.emit(mov(1, imm(0)));
        this.emit(kfunc('bpf_throw'));
        this.place(no);
        release();
        break;
      }
      default: {
        const never: never = s.end;
        return never;
      }
    }
    this.place(end);
    // Something must follow the null branch's label inside the function: lowering always ends a body with
    // `r0 = ...; exit`, so `end` lands on an instruction.
  }

  private region(s: Extract<Stmt, { kind: 'region' }>): void {
    const [lock, unlock] = LOCK[s.region];
    if (s.opener === null) this.emit(kfunc(lock));
    else this.call(s.opener);
    if (s.end === 'nested') this.emit(kfunc(lock));
    this.stmts(s.hold);
    switch (s.end) {
      case 'close':
        this.emit(kfunc(unlock));
        return;
      case 'open':
        return;
      case 'nested':
        this.emit(kfunc(unlock));
        this.emit(kfunc(unlock));
        return;
      case 'throw-inside': {
        const no = this.fresh();
        this.jmp(s.cond!, no);
        this.emit(mov(1, imm(0)));
        this.emit(kfunc('bpf_throw'));
        this.place(no);
        this.emit(kfunc(unlock));
        return;
      }
      default: {
        const never: never = s.end;
        return never;
      }
    }
  }

  func(f: FuncPlan): void {
    // Entry: where the function's ctx and scalars come from (plan.ts, register discipline).
    switch (f.role) {
      case 'main':
        this.emit(mov(6, reg(1)));
        break;
      case 'static':
      case 'global': {
        const first = f.ctxParam ? 2 : 1;
        if (f.ctxParam) this.emit(mov(6, reg(1)));
        for (let k = 0; k < 3 && first + k <= f.args; k++)
          this.emit(mov((7 + k) as Reg, reg((first + k) as Reg)));
        break;
      }
      case 'callback': {
        this.emit(mov(7, reg(1)));
        if (f.ctxParam) {
          // bpf_loop's ctx: NULL or a stack slot of the caller holding a scalar.
          const skip = this.fresh();
          this.emit(mov(8, imm(0)));
          this.jmpImm('jeq', 2, 0, skip);
          this.emit({ kind: 'ldx', size: 8, dst: 8, src: 2, off: 0 });
          this.place(skip);
        }
        break;
      }
      default: {
        const never: never = f.role;
        return never;
      }
    }
    this.stmts(f.body);
    const r = f.ret;
    switch (r.kind) {
      case 'value':
        this.emit(mov(0, operand(r.value)));
        this.emit({ kind: 'exit' });
        return;
      case 'ref':
        this.emit(kfunc('bpf_cpumask_create'));
        this.emit({ kind: 'exit' });
        return;
      case 'opened':
        this.emit(kfunc(LOCK[r.region][0]));
        this.emit(mov(0, imm(0)));
        this.emit({ kind: 'exit' });
        return;
      case 'no-exit':
        this.emit(mov(0, imm(0)));
        return;
      default: {
        const never: never = r;
        return never;
      }
    }
  }
}

/** The argument count and first-entry registers a callback's entry needs (bpf_loop passes index, ctx). */
export const CALLBACK_ARGS = 2;

/** Little-endian bytes of `value` (mod 2^(8*size)) at `off` of `buf`. */
function writeLe(buf: Uint8Array, off: number, size: Size, value: number): void {
  let v = BigInt.asUintN(size * 8, BigInt(value));
  for (let i = 0; i < size; i++) {
    buf[off + i] = Number(v & 0xffn);
    v >>= 8n;
  }
}

/**
 * Inputs from the constants the branches compare against: for each input and each comparison, the value
 * itself, a neighbour, or zero, so runs cover both sides of input-dependent branches.
 */
export function buildInputs(plan: ProgramPlan, pick: (n: number) => number, count: number): ProgramInput[] {
  const out: ProgramInput[] = [];
  for (let k = 0; k < count; k++) {
    const buf = new Uint8Array(plan.ctxSize);
    for (const c of plan.compares) {
      const v = [c.value, c.value + 1, c.value - 1, 0, -1][k === 0 ? 0 : pick(5)]!;
      writeLe(buf, c.off, c.size, v);
    }
    out.push({ ctx: Buffer.from(buf).toString('hex') });
  }
  return out;
}

/** The Program a plan stands for, with the given inputs. */
export function lowerPlan(plan: ProgramPlan, inputs: readonly ProgramInput[]): Program {
  const asm = new Assembler(plan.funcs);
  const starts: number[] = [];
  for (const f of plan.funcs) {
    starts.push(asm.items.length);
    asm.func(f);
  }
  // Item positions to instruction indices; labels to the instruction that follows them.
  const insns: Insn[] = [];
  const targets: (string | undefined)[] = [];
  const position = new Map<string, number>();
  const funcInsn: number[] = [];
  let nextFunc = 0;
  asm.items.forEach((item, i) => {
    while (nextFunc < starts.length && starts[nextFunc] === i) {
      funcInsn.push(insns.length);
      nextFunc++;
    }
    if ('label' in item) position.set(item.label, insns.length);
    else {
      insns.push(item.insn);
      targets.push(item.target);
    }
  });
  plan.funcs.forEach((f, i) => position.set(f.name, funcInsn[i]!));
  const pcOf: number[] = [];
  let pc = 0;
  for (const insn of insns) {
    pcOf.push(pc);
    pc += slotsOf(insn);
  }
  const resolved = insns.map((insn, i) => {
    const t = targets[i];
    if (t === undefined) return insn;
    const to = position.get(t)!;
    const off = (pcOf[to] ?? pc) - pcOf[i]! - 1;
    return { ...insn, off } as Insn;
  });
  const funcs: FuncDecl[] = plan.funcs.map((f, i) => ({
    name: f.name,
    insn: funcInsn[i]!,
    linkage: f.role === 'global' ? 'global' : 'static',
    args: f.role === 'callback' ? CALLBACK_ARGS : f.args,
  }));
  const labels: Label[] = [];
  for (const [name, at] of position)
    if (!plan.funcs.some((f) => f.name === name)) labels.push({ name, insn: at });
  labels.sort((a, b) => a.insn - b.insn || Number(a.name.slice(1)) - Number(b.name.slice(1)));
  return {
    insns: resolved,
    funcs,
    labels,
    notes: [],
    kind: 'syscall',
    ctxSize: plan.ctxSize,
    profile: plan.profile,
    inputs,
  };
}
