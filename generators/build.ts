/**
 * The plan builder: choices to a ProgramPlan. Programs are built to be accepted (resources released
 * before any throw, callbacks that do not throw under mainline, bounded stack and depth) unless a fault is
 * drawn; a fault puts one construct of a rejection class into an otherwise valid plan.
 */
import { JMP_OPS, SIZES, type Size } from '../src/bpf/insn.js';
import type { Profile } from '../src/bpf/profile.js';
import { boundaryImm, smallImm, type Decide } from './choices.js';
import { buildGraph, loopHosts, under, type Graph, type Kind } from './graph.js';
import type {
  Arg,
  Compare,
  LoopCount,
  Cond,
  Fault,
  FuncPlan,
  ProgramPlan,
  Region,
  Ret,
  ScalarReg,
  Stmt,
  Value,
} from './plan.js';
import { FRAGMENT_ALU_OPS, SCALAR_REGS } from './plan.js';

export interface BuildOptions {
  readonly profile: Profile;
  /** Leave out what trips known kernel WARNs (README: kernel safety). */
  readonly kernelSafe: boolean;
  /** Share of plans built around a rejection fault (the rest are built to be accepted). */
  readonly faultShare: number;
}

/**
 * The weight of `too-complex`: 1 in 2,000 faults, so 1 in 5,000 cases at the default faultShare (0.4). Its
 * program (a bpf_loop callback that never converges, below) costs the kernel and path-explorer about a
 * second each: every callback iteration leaves a pending state and keeps one at the callback's entry, until
 * push_stack stops at 8,193 (`The sequence of 8193 jumps is too complex`, ~160,000 instructions processed).
 * At its former weight (0.3, 1 in 300 cases) those cases took over 80% of the engines' time on a run. The
 * other weights add up to 35 (32 under rfc, without throw-in-callback): 35 / 1,999 makes 1 in 2,000.
 */
const TOO_COMPLEX_WEIGHT = 35 / 1999;

const FAULTS: readonly (readonly [number, Fault])[] = [
  [3, 'ref-leak'],
  [2, 'ref-across-throwing-call'],
  [3, 'region-open'],
  [3, 'throw-in-callback'],
  [1.5, 'structure-orphan'],
  [1.5, 'structure-no-exit'],
  [1.5, 'call-depth-chain'],
  [1.5, 'call-depth-recursion'],
  [1.5, 'stack-combined'],
  [1.5, 'stack-oob'],
  [TOO_COMPLEX_WEIGHT, 'too-complex'],
  [1, 'bad-arg-double-release'],
  [1, 'bad-arg-null'],
  [1, 'bad-arg-global-ptr'],
  [3, 'region-misuse'],
  [3, 'uninit'],
  [3, 'bad-access'],
  [3, 'bad-return'],
];

const imm = (n: number): Value => ({ kind: 'imm', imm: n });
const rg = (r: ScalarReg): Value => ({ kind: 'reg', reg: r });

/** What the statements of one function may do. */
interface Scope {
  readonly index: number;
  readonly kind: Kind | 'main';
  /** r6 holds the ctx pointer. */
  readonly hasCtx: boolean;
  readonly argRegs: readonly ScalarReg[];
  readonly mayThrow: boolean;
  /**
   * No bpf_throw instruction at all, not even in dead code: mainline's check_max_stack_depth rejects any
   * bpf_throw in a callback or in what it calls, walking the call graph statically.
   */
  readonly noThrowInsn: boolean;
  /** Registers loaded from ctx and unchanged since: the input comparisons the inputs are built from. */
  readonly fromCtx: Map<ScalarReg, { off: number; size: Size }>;
  slots: number;
}

export class PlanBuilder {
  private readonly compares: Compare[] = [];
  private graph!: Graph;
  private canThrow: boolean[] = [];
  private loopHost: boolean[] = [];
  private readonly scopes: Scope[] = [];
  private fromCallback: boolean[] = [];

  constructor(
    private readonly d: Decide,
    private readonly o: BuildOptions,
  ) {}

  private readonly ctxSize = 64;

  build(): ProgramPlan {
    const d = this.d;
    const fault = d.chance(this.o.faultShare)
      ? d.weighted(FAULTS.filter(([, f]) => f !== 'throw-in-callback' || this.o.profile === 'mainline'))
      : null;
    const chain = fault === 'call-depth-chain';
    const subprogs = chain
      ? 8
      : d.weighted([
          [3, 0],
          [4, 1],
          [4, 2],
          [3, 3],
          [2, 4],
          [1, 5],
          [1, 6],
          [1, 7],
        ]);
    const g = buildGraph(d, subprogs, chain);
    this.graph = g;
    this.loopHost = loopHosts(g);
    const fromCallback = under(g, (i) => g.nodes[i]!.kind === 'callback');
    this.fromCallback = fromCallback;
    const underLoopHost = under(g, (i) => i > 0 && this.loopHost[i]!);
    const throws = g.nodes.map((n, i) => {
      if (n.kind === 'factory' || n.kind === 'opener') return false;
      if (fromCallback[i] && this.o.profile === 'mainline') return false;
      // kernel safety: a non-main function that leads to a bpf_loop never throws, so every callback
      // address is reached by the verifier (an unexplored one trips `No program to jit`).
      if (this.o.kernelSafe && underLoopHost[i]) return false;
      return d.chance(i === 0 ? 0.5 : 0.4);
    });
    this.canThrow = throws.slice();
    for (let i = g.nodes.length - 1; i >= 0; i--)
      this.canThrow[i] = throws[i]! || g.edges.some((e) => e.from === i && e.to > i && this.canThrow[e.to]!);

    const names = g.nodes.map((n, i) => (i === 0 ? 'main' : `${NAME[n.kind]}${i}`));
    const funcs: FuncPlan[] = g.nodes.map((n, i) => this.func(i, names[i]!, throws[i]!));
    const plan = { profile: this.o.profile, ctxSize: this.ctxSize, funcs, fault, compares: this.compares };
    return fault === null ? plan : this.inject(plan, fault);
  }

  private scope(i: number, mayThrow: boolean): Scope {
    const n = this.graph.nodes[i]!;
    const kind = i === 0 ? 'main' : n.kind;
    const hasCtx = kind === 'main' || (kind === 'static' && n.ctxParam);
    const argCount =
      kind === 'static' || kind === 'global' ? n.args - (n.ctxParam ? 1 : 0) : kind === 'callback' ? 1 : 0;
    const argRegs = SCALAR_REGS.slice(0, Math.min(3, argCount));
    const noThrowInsn = this.o.profile === 'mainline' && this.fromCallback[i]!;
    return { index: i, kind, hasCtx, argRegs, mayThrow, noThrowInsn, fromCtx: new Map(), slots: 0 };
  }

  private func(i: number, name: string, throws: boolean): FuncPlan {
    const d = this.d;
    const n = this.graph.nodes[i]!;
    const s = this.scope(i, throws);
    this.scopes[i] = s;
    const body: Stmt[] = [];
    // Scalars not set by the entry (args, a callback's index and ctx value).
    for (const r of SCALAR_REGS) {
      if (s.argRegs.includes(r) || (s.kind === 'callback' && n.ctxParam && r === 8)) continue;
      if (s.hasCtx && d.chance(0.85)) body.push(this.loadCtx(s, r));
      else if (d.chance(0.15))
        body.push({ kind: 'helper', which: d.pick(['prandom', 'ktime'] as const), dst: r });
      else body.push({ kind: 'alu', op: 'mov', dst: r, src: imm(boundaryImm(d)) });
    }
    // The callsites this function owns; under kernel safety those leading to a bpf_loop go first.
    const required: Stmt[] = [];
    const early: Stmt[] = [];
    const quiet: Stmt[] = [];
    for (const e of this.graph.edges) {
      if (e.from !== i) continue;
      const st = this.callsite(s, e.to);
      const leadsToLoop = this.graph.nodes[e.to]!.kind === 'callback' || this.loopHost[e.to]!;
      if (this.o.kernelSafe && leadsToLoop) early.push(st);
      else if (st.kind === 'call' && !this.canThrow[e.to] && !this.loopHost[e.to]) quiet.push(st);
      else required.push(st);
    }
    const rest: Stmt[] = [];
    const count = d.weighted([
      [1, 1],
      [2, 2],
      [3, 3],
      [3, 4],
      [2, 5],
      [2, 6],
      [1, 8],
      [1, 10],
    ]);
    for (let k = 0; k < count; k++) rest.push(this.randomStmt(s, 0, quiet));
    for (const q of quiet) rest.splice(d.int(rest.length + 1), 0, q);
    if (this.o.kernelSafe) {
      // kernel safety: a callsite that may always throw makes what follows it dead, and a subprogram the
      // verifier never enters must not hold calls (`No program to jit`): throwing callsites go last, those
      // into functions with calls of their own first among them.
      const hasCalls = (st: Stmt): boolean =>
        st.kind === 'call' && this.graph.edges.some((e) => e.from === st.callee);
      required.sort((a, b) => Number(hasCalls(b)) - Number(hasCalls(a)));
      rest.push(...required);
    } else for (const r of required) rest.splice(d.int(rest.length + 1), 0, r);
    if (throws && !rest.some(hasThrow)) rest.splice(d.int(rest.length + 1), 0, this.conditionalThrow(s));
    body.push(...early, ...rest);
    // An unconditional throw ends main now and then (the program always throws).
    if (throws && i === 0 && d.chance(0.15)) body.push({ kind: 'throw', cookie: this.cookie() });
    return {
      name,
      role: ROLE[s.kind],
      args: n.kind === 'callback' ? 2 : n.args,
      ctxParam: n.ctxParam,
      body,
      ret: this.ret(s, s.kind),
    };
  }

  private ret(s: Scope, kind: Kind | 'main'): Ret {
    const d = this.d;
    switch (kind) {
      case 'factory':
        return { kind: 'ref' };
      case 'opener':
        return { kind: 'opened', region: openerRegion(s.index) };
      case 'callback':
        // bpf_loop's callback returns 0 (continue) or 1 (stop).
        return { kind: 'value', value: imm(d.chance(0.3) ? 1 : 0) };
      case 'main':
      case 'static':
      case 'global':
        return { kind: 'value', value: d.chance(0.5) ? rg(d.pick(SCALAR_REGS)) : imm(boundaryImm(d)) };
      default: {
        const never: never = kind;
        return never;
      }
    }
  }

  private callsite(s: Scope, to: number): Stmt {
    const n = this.graph.nodes[to]!;
    switch (n.kind) {
      case 'static':
      case 'global': {
        const args: Arg[] = [];
        for (let a = 0; a < n.args; a++) args.push(a === 0 && n.ctxParam ? { kind: 'ctx' } : this.value());
        return { kind: 'call', callee: to, args, result: this.result(s) };
      }
      case 'callback':
        return this.loop(s, to);
      case 'factory':
        return this.refBlock(s, to, []);
      case 'opener':
        return {
          kind: 'region',
          region: openerRegion(to),
          opener: to,
          hold: this.quietStmts(s, []),
          end: 'close',
          cond: null,
        };
      default: {
        const never: never = n.kind;
        return never;
      }
    }
  }

  private loop(s: Scope, callee: number): Stmt {
    const d = this.d;
    // kernel safety: never a known count of 0. Linux 6.18 then never enters the callback, and a call of
    // any kind inside it (a kfunc too), or a count-0 loop outside main, trips `No program to jit`.
    const zeroOk = !this.o.kernelSafe;
    const count = d.weighted<LoopCount>([
      [3, { kind: 'const', n: d.range(1, 8) }],
      [s.hasCtx ? 3 : 0, { kind: 'ctx-masked', ...this.ctxField(), mask: d.pick([1, 3, 7, 15]) }],
      [
        2,
        { kind: 'reg-masked', reg: d.pick(SCALAR_REGS), mask: d.pick([1, 3, 7]), plusOne: this.o.kernelSafe },
      ],
      [zeroOk ? 1 : 0, { kind: 'const', n: 0 }],
    ]);
    const ctx = d.chance(0.4) ? 'stack' : 'null';
    return {
      kind: 'loop',
      callee,
      count,
      ctx,
      slot: ctx === 'stack' ? this.slot(s) : 0,
      result: this.result(s),
    };
  }

  /** Where a call's result goes (a scalar register, no longer an input byte), or nowhere. */
  private result(s: Scope): ScalarReg | null {
    if (!this.d.chance(0.35)) return null;
    const r = this.d.pick(SCALAR_REGS);
    this.written(s, r);
    return r;
  }

  /** The stack slot of a new spill: fresh, 8-aligned, sometimes deeper (stack use of varying depth). */
  private slot(s: Scope): number {
    s.slots += this.d.chance(0.1) ? this.d.range(2, 6) : 1;
    return -8 * s.slots;
  }

  private ctxField(): { off: number; size: Size } {
    const size = this.d.pick(SIZES);
    return { off: size * this.d.int(this.ctxSize / size), size };
  }

  private loadCtx(s: Scope, dst: ScalarReg): Stmt {
    const f = this.ctxField();
    s.fromCtx.set(dst, f);
    return { kind: 'load-ctx', dst, ...f };
  }

  private value(): Value {
    return this.d.chance(0.5) ? rg(this.d.pick(SCALAR_REGS)) : imm(boundaryImm(this.d));
  }

  private cookie(): Value {
    return this.d.chance(0.3)
      ? rg(this.d.pick(SCALAR_REGS))
      : imm(this.d.chance(0.5) ? boundaryImm(this.d) : this.d.range(1, 9));
  }

  private written(s: Scope, r: ScalarReg): void {
    s.fromCtx.delete(r);
  }

  /** A condition on an input byte (recorded for the inputs), an argument, or any scalar. */
  private cond(s: Scope): { cond: Cond; why: 'input' | 'arg' | 'scalar' } {
    const d = this.d;
    const inputs = [...s.fromCtx.keys()];
    const why = d.weighted<'input' | 'arg' | 'scalar'>([
      [inputs.length > 0 ? 4 : 0, 'input'],
      [s.argRegs.length > 0 ? 3 : 0, 'arg'],
      [1, 'scalar'],
    ]);
    const reg = why === 'input' ? d.pick(inputs) : why === 'arg' ? d.pick(s.argRegs) : d.pick(SCALAR_REGS);
    const op = d.pick(JMP_OPS);
    const field = s.fromCtx.get(reg);
    let src: Value;
    if (d.chance(0.2)) {
      // Register against register, never a register against itself (a kernel WARN: kernel safety).
      const others = SCALAR_REGS.filter((r) => r !== reg);
      src = rg(d.pick(others));
    } else if (field) {
      const max = field.size >= 4 ? 0x7fffffff : 2 ** (8 * field.size) - 1;
      const v = d.chance(0.7) ? smallImm(d, Math.min(max, 255)) : Math.min(max, Math.abs(boundaryImm(d)));
      src = imm(v);
      this.compares.push({ off: field.off, size: field.size, value: v });
    } else src = imm(d.chance(0.5) ? smallImm(d, 8) : boundaryImm(d));
    return { cond: { reg, op, src }, why };
  }

  private conditionalThrow(s: Scope): Stmt {
    const { cond, why } = this.cond(s);
    const th: Stmt = { kind: 'throw', cookie: this.cookie() };
    return this.d.chance(0.5)
      ? { kind: 'if', why, cond, fall: [th], taken: [] }
      : { kind: 'if', why, cond, fall: [], taken: [th] };
  }

  /** Statements that neither throw nor call anything that might (what a held reference or region may hold). */
  private quietStmts(s: Scope, calls: Stmt[]): Stmt[] {
    const d = this.d;
    const out: Stmt[] = [];
    const n = d.weighted([
      [2, 0],
      [2, 1],
      [1, 2],
    ]);
    for (let k = 0; k < n; k++) out.push(this.simpleStmt(s));
    if (calls.length > 0 && d.chance(0.5)) out.splice(d.int(out.length + 1), 0, calls.pop()!);
    return out;
  }

  private refBlock(s: Scope, factory: number | null, calls: Stmt[]): Stmt {
    const d = this.d;
    const spill = d.chance(0.6);
    const hold = spill ? this.quietStmts(s, calls) : this.aluStmts(s);
    return { kind: 'ref', factory, slot: spill ? this.slot(s) : 0, hold, end: 'release', cond: null };
  }

  private aluStmts(s: Scope): Stmt[] {
    const out: Stmt[] = [];
    const n = this.d.int(3);
    for (let k = 0; k < n; k++) out.push(this.alu(s));
    return out;
  }

  private alu(s: Scope): Stmt {
    const d = this.d;
    const dst = d.pick(SCALAR_REGS);
    this.written(s, dst);
    if (d.chance(0.08)) return { kind: 'neg', dst };
    const op = d.pick(FRAGMENT_ALU_OPS);
    const shift = op === 'lsh' || op === 'rsh' || op === 'arsh';
    const src = shift
      ? d.chance(0.2)
        ? rg(d.pick(SCALAR_REGS))
        : imm(d.pick([0, 1, 8, 31, 32, 63, d.int(64)]))
      : this.value();
    return { kind: 'alu', op, dst, src };
  }

  /** ALU, ctx loads, stack spills and fills, prandom/ktime: nothing that throws or holds. */
  private simpleStmt(s: Scope): Stmt {
    const d = this.d;
    const k = d.weighted<'alu' | 'load' | 'stack' | 'helper'>([
      [5, 'alu'],
      [s.hasCtx ? 2 : 0, 'load'],
      [2, 'stack'],
      [1, 'helper'],
    ]);
    switch (k) {
      case 'alu':
        return this.alu(s);
      case 'load':
        return this.loadCtx(s, d.pick(SCALAR_REGS));
      case 'stack': {
        const size = d.pick(SIZES);
        const reload = d.chance(0.6) ? d.pick(SCALAR_REGS) : null;
        if (reload !== null) this.written(s, reload);
        return { kind: 'stack', size, off: this.slot(s), value: this.value(), reload };
      }
      case 'helper': {
        const dst = d.pick(SCALAR_REGS);
        this.written(s, dst);
        return { kind: 'helper', which: d.pick(['prandom', 'ktime'] as const), dst };
      }
      default: {
        const never: never = k;
        return never;
      }
    }
  }

  private randomStmt(s: Scope, depth: number, calls: Stmt[]): Stmt {
    const d = this.d;
    const k = d.weighted<'simple' | 'if' | 'assert' | 'ref' | 'region' | 'throw'>([
      [6, 'simple'],
      [depth < 2 ? 3 : 0, 'if'],
      [1.5, 'assert'],
      [depth === 0 ? 1.5 : 0, 'ref'],
      [depth === 0 ? 1 : 0, 'region'],
      [s.mayThrow ? 1 : 0, 'throw'],
    ]);
    switch (k) {
      case 'simple':
        return this.simpleStmt(s);
      case 'if': {
        const { cond, why } = this.cond(s);
        const arm = (): Stmt[] => {
          const out: Stmt[] = [];
          const n = d.weighted([
            [1, 0],
            [3, 1],
            [2, 2],
          ]);
          for (let j = 0; j < n; j++) out.push(this.randomArmStmt(s, depth + 1));
          return out;
        };
        const fall = arm();
        const taken = d.chance(0.4) ? arm() : [];
        return { kind: 'if', why, cond, fall, taken };
      }
      case 'assert':
        return this.assert(s);
      case 'ref':
        return this.refBlock(s, null, calls);
      case 'region': {
        const region = d.pick(['rcu', 'preempt'] as const);
        const nested = region === 'preempt' && d.chance(0.2);
        // RCU does not nest: an RCU region holds no calls (the callee might take it again).
        const hold = this.quietStmts(s, region === 'rcu' ? [] : calls);
        return { kind: 'region', region, opener: null, hold, end: nested ? 'nested' : 'close', cond: null };
      }
      case 'throw':
        return this.conditionalThrow(s);
      default: {
        const never: never = k;
        return never;
      }
    }
  }

  private randomArmStmt(s: Scope, depth: number): Stmt {
    const d = this.d;
    const k = d.weighted<'simple' | 'if' | 'throw'>([
      [5, 'simple'],
      [depth < 2 ? 1 : 0, 'if'],
      [s.mayThrow ? 2 : 0, 'throw'],
    ]);
    if (k === 'throw') return { kind: 'throw', cookie: this.cookie() };
    if (k === 'if') return this.randomStmt(s, depth, []);
    return this.simpleStmt(s);
  }

  /** A branch the verifier proves dead; its arm holds what would be rejected or throw if it ran. */
  private assert(s: Scope): Stmt {
    const d = this.d;
    const how = d.pick(['mask', 'const', 'linked'] as const);
    const reg = d.pick(SCALAR_REGS);
    const scratch = d.pick(SCALAR_REGS.filter((r) => r !== reg));
    this.written(s, scratch);
    const value = how === 'mask' ? d.pick([1, 3, 7, 0xff, 0xffff, 0x7fffffff]) : boundaryImm(d);
    const dead: Stmt[] = [
      d.weighted<Stmt>([
        [s.noThrowInsn ? 0 : 3, { kind: 'throw', cookie: imm(d.range(1, 9)) }],
        [
          1,
          {
            kind: 'raw',
            why: 'unmatched unlock in dead code',
            insns: [{ kind: 'kfunc', name: 'bpf_rcu_read_unlock', btfId: null }],
          },
        ],
        [
          1,
          {
            kind: 'raw',
            why: 'uninitialised read in dead code',
            insns: [{ kind: 'alu', width: 64, op: 'mov', dst: scratch, src: { kind: 'reg', reg: 5 } }],
          },
        ],
      ]),
    ];
    return { kind: 'assert', how, reg, scratch, imm: value, dead };
  }

  // ---- faults ----

  private inject(plan: ProgramPlan, fault: Fault): ProgramPlan {
    const d = this.d;
    const funcs = plan.funcs.slice();
    const main = (): FuncPlan => funcs[0]!;
    const mainScope = this.scopes[0]!;
    const atMain = (st: Stmt): void => {
      const body = main().body.slice();
      // After main's scalars are set (first three statements), anywhere.
      body.splice(Math.min(body.length, 3 + d.int(Math.max(1, body.length - 2))), 0, st);
      funcs[0] = { ...main(), body };
    };
    const cond = (): Cond => ({ reg: d.pick(SCALAR_REGS), op: d.pick(JMP_OPS), src: imm(smallImm(d, 8)) });
    const add = (f: Omit<FuncPlan, 'name'>, prefix: string): number => {
      funcs.push({ ...f, name: `${prefix}${funcs.length}` });
      return funcs.length - 1;
    };
    const addCallback = (body: Stmt[], value: Value): number => {
      const cb = add(
        { role: 'callback', args: 2, ctxParam: false, body, ret: { kind: 'value', value } },
        'cb',
      );
      funcs[0] = {
        ...main(),
        body: [
          { kind: 'loop', callee: cb, count: { kind: 'const', n: 1 }, ctx: 'null', slot: 0, result: null },
          ...main().body,
        ],
      };
      return cb;
    };
    switch (fault) {
      case 'ref-leak':
        atMain({
          kind: 'ref',
          factory: null,
          slot: this.slot(mainScope),
          hold: [],
          end: d.pick(['leak', 'leak-on-input', 'throw-held'] as const),
          cond: cond(),
        });
        break;
      case 'ref-across-throwing-call': {
        const global = d.chance(0.5);
        const callee = add(
          {
            role: global ? 'global' : 'static',
            args: 1,
            ctxParam: false,
            body: [
              {
                kind: 'if',
                why: 'arg',
                cond: { reg: 7, op: 'jeq', src: imm(0) },
                fall: [],
                taken: [{ kind: 'throw', cookie: imm(d.range(1, 9)) }],
              },
            ],
            ret: { kind: 'value', value: imm(0) },
          },
          global ? 'glob' : 'sub',
        );
        const call: Stmt = { kind: 'call', callee, args: [imm(d.pick([0, 1]))], result: null };
        atMain({
          kind: 'ref',
          factory: null,
          slot: this.slot(mainScope),
          hold: [call],
          end: 'release',
          cond: null,
        });
        break;
      }
      case 'region-open':
        atMain({
          kind: 'region',
          region: d.pick(['rcu', 'preempt'] as const),
          opener: null,
          hold: [],
          end: d.pick(['open', 'throw-inside'] as const),
          cond: cond(),
        });
        break;
      case 'throw-in-callback':
        addCallback([{ kind: 'throw', cookie: imm(d.range(0, 9)) }], imm(0));
        break;
      case 'structure-orphan':
        add(
          {
            role: d.pick(['static', 'global'] as const),
            args: 0,
            ctxParam: false,
            body: [],
            ret: { kind: 'value', value: imm(0) },
          },
          'orphan',
        );
        break;
      case 'structure-no-exit': {
        const i = d.int(funcs.length);
        funcs[i] = { ...funcs[i]!, ret: { kind: 'no-exit' } };
        break;
      }
      case 'call-depth-chain':
        break;
      case 'call-depth-recursion': {
        const rec = funcs.length;
        add(
          {
            role: 'static',
            args: 0,
            ctxParam: false,
            body: [{ kind: 'call', callee: rec, args: [], result: null }],
            ret: { kind: 'value', value: imm(0) },
          },
          'rec',
        );
        atMain({ kind: 'call', callee: rec, args: [], result: null });
        break;
      }
      case 'stack-combined': {
        const a = 8 * d.range(33, 63);
        const b = 8 * d.range(Math.max(1, 66 - a / 8), 63);
        const deep = add(
          {
            role: 'static',
            args: 0,
            ctxParam: false,
            body: [{ kind: 'stack', size: 8, off: -b, value: imm(0), reload: null }],
            ret: { kind: 'value', value: imm(0) },
          },
          'deep',
        );
        atMain({
          kind: 'raw',
          why: 'deep frame',
          insns: [{ kind: 'st', size: 8, dst: 10, off: -a, imm: 0 }],
        });
        atMain({ kind: 'call', callee: deep, args: [], result: null });
        break;
      }
      case 'stack-oob':
        atMain({
          kind: 'raw',
          why: 'below the stack',
          insns: [{ kind: 'st', size: 8, dst: 10, off: -8 * d.range(65, 70), imm: 0 }],
        });
        break;
      case 'too-complex': {
        // A callback that counts a precise value up in its caller's stack never converges (laws.test.ts).
        const spin = add(
          {
            role: 'callback',
            args: 2,
            ctxParam: true,
            body: [
              { kind: 'alu', op: 'add', dst: 8, src: imm(1) },
              {
                kind: 'raw',
                why: 'count in the caller stack',
                insns: [{ kind: 'stx', size: 8, dst: 2, src: 8, off: 0 }],
              },
              {
                kind: 'if',
                why: 'scalar',
                cond: { reg: 8, op: 'jeq', src: imm(0x7fffffff) },
                fall: [],
                taken: [
                  {
                    kind: 'raw',
                    why: 'stop',
                    insns: [
                      { kind: 'alu', width: 64, op: 'mov', dst: 0, src: { kind: 'imm', imm: 1 } },
                      { kind: 'exit' },
                    ],
                  },
                ],
              },
            ],
            ret: { kind: 'value', value: imm(0) },
          },
          'spin',
        );
        funcs[0] = {
          ...main(),
          body: [
            { kind: 'alu', op: 'mov', dst: 7, src: imm(0) },
            {
              kind: 'loop',
              callee: spin,
              count: { kind: 'const', n: -1 },
              ctx: 'stack',
              slot: this.slot(mainScope),
              result: null,
            },
            ...main().body,
          ],
        };
        break;
      }
      case 'bad-arg-double-release':
        atMain({
          kind: 'ref',
          factory: null,
          slot: this.slot(mainScope),
          hold: [],
          end: 'double-release',
          cond: null,
        });
        break;
      case 'bad-arg-null':
        atMain({ kind: 'ref', factory: null, slot: 0, hold: [], end: 'no-null-check', cond: null });
        break;
      case 'bad-arg-global-ptr': {
        const g = add(
          { role: 'global', args: 1, ctxParam: false, body: [], ret: { kind: 'value', value: rg(7) } },
          'glob',
        );
        atMain({ kind: 'call', callee: g, args: [{ kind: 'ctx' }], result: null });
        break;
      }
      case 'region-misuse':
        atMain(
          d.weighted<Stmt>([
            [2, { kind: 'region', region: 'rcu', opener: null, hold: [], end: 'nested', cond: null }],
            [
              1,
              {
                kind: 'raw',
                why: 'unmatched unlock',
                insns: [{ kind: 'kfunc', name: 'bpf_rcu_read_unlock', btfId: null }],
              },
            ],
            [
              1,
              {
                kind: 'raw',
                why: 'unmatched enable',
                insns: [{ kind: 'kfunc', name: 'bpf_preempt_enable', btfId: null }],
              },
            ],
          ]),
        );
        break;
      case 'uninit':
        atMain({
          kind: 'raw',
          why: 'read of a clobbered or unset register',
          insns: [
            {
              kind: 'alu',
              width: 64,
              op: d.pick(['mov', 'add'] as const),
              dst: d.pick(SCALAR_REGS),
              src: { kind: 'reg', reg: d.pick([2, 3, 4, 5] as const) },
            },
          ],
        });
        break;
      case 'bad-access':
        atMain(
          d.weighted<Stmt>([
            [
              1,
              {
                kind: 'raw',
                why: 'modified ctx pointer',
                insns: [
                  { kind: 'alu', width: 64, op: 'mov', dst: 1, src: { kind: 'reg', reg: 6 } },
                  { kind: 'alu', width: 64, op: 'add', dst: 1, src: { kind: 'imm', imm: 8 * d.range(1, 4) } },
                  { kind: 'ldx', size: 8, dst: 7, src: 1, off: 0 },
                ],
              },
            ],
            [
              1,
              {
                kind: 'raw',
                why: 'bitwise on a pointer',
                insns: [
                  { kind: 'alu', width: 64, op: 'mov', dst: 1, src: { kind: 'reg', reg: 6 } },
                  {
                    kind: 'alu',
                    width: 64,
                    op: d.pick(['and', 'or', 'xor'] as const),
                    dst: 1,
                    src: { kind: 'imm', imm: d.pick([1, 3, 0xff]) },
                  },
                ],
              },
            ],
            [
              1,
              {
                kind: 'raw',
                why: 'misaligned stack',
                insns: [{ kind: 'stx', size: 8, dst: 10, src: 7, off: -8 * d.range(1, 4) - 4 }],
              },
            ],
          ]),
        );
        break;
      case 'bad-return': {
        const value = d.chance(0.5) ? imm(d.pick([2, -1, 3, 0x100])) : rg(7);
        addCallback([], value);
        break;
      }
      default: {
        const never: never = fault;
        return never;
      }
    }
    return { ...plan, funcs };
  }
}

/** The region an opener static opens: fixed by its index, so callsite and callee agree. */
const openerRegion = (i: number): Region => (i % 2 === 0 ? 'rcu' : 'preempt');

const NAME: Readonly<Record<Kind, string>> = {
  static: 'sub',
  global: 'glob',
  callback: 'cb',
  factory: 'make',
  opener: 'open',
};
const ROLE: Readonly<Record<Kind | 'main', FuncPlan['role']>> = {
  main: 'main',
  static: 'static',
  global: 'global',
  callback: 'callback',
  factory: 'static',
  opener: 'static',
};

function hasThrow(s: Stmt): boolean {
  switch (s.kind) {
    case 'throw':
      return true;
    case 'if':
      return s.fall.some(hasThrow) || s.taken.some(hasThrow);
    default:
      return false;
  }
}

/** A plan from choices. */
export function buildPlan(d: Decide, o: BuildOptions): ProgramPlan {
  return new PlanBuilder(d, o).build();
}
