/**
 * Static features of a program: facts read from its text, with no verification, that name the likely cause
 * of a finding (signatures, generator statistics). Every feature is an over-approximation computed by small
 * fixpoints over the call graph and per-subprogram worklists: nothing recurses per instruction.
 */
import type { Insn } from './insn.js';
import { kernelFnByName, helperById, type KernelFnEffect } from './kernel-functions.js';
import { layoutOf, subprogsOf, type Subprog } from './layout.js';
import type { Program } from './program.js';

export type Feature =
  /** bpf_throw directly in main. */
  | 'throw-in-main'
  /** bpf_throw directly in a static subprogram that is not a callback. */
  | 'throw-in-static'
  /** bpf_throw directly in a global subprogram. */
  | 'throw-in-global'
  /** bpf_throw directly in a bpf_loop callback. */
  | 'throw-in-callback'
  /** A callback that may throw, directly or through what it calls. */
  | 'loop-callback-throws'
  /** A global calls a global of higher index that may throw (what seed-global-order gets wrong). */
  | 'global-calls-later-global'
  /** A bpf_loop whose count is the constant 0 where it is set. */
  | 'loop-count-zero'
  /** A bpf_loop whose count is the ctx pointer (main's r1 never written) or the frame pointer. */
  | 'loop-count-pointer'
  /** A bpf_loop called from a static subprogram other than main. */
  | 'loop-in-static'
  /** A reference may be held at a call to a global that may throw (seed-global-resources). */
  | 'ref-across-global-call'
  /** An RCU or preempt region may be open at a call to a global that may throw. */
  | 'region-across-global-call'
  /** An RCU or preempt region may be open at a call to a static subprogram. */
  | 'region-across-call'
  /** A frame-pointer access at or below r10-505: the rewrite's slot would pass 512 bytes (SPEC §5). */
  | 'stack-512'
  /** A subprogram that may call itself. */
  | 'recursion'
  /** A chain of 8 or more frames of calls. */
  | 'deep-calls'
  /** `if rX op rX` (the kernel WARNs on some: REG INVARIANTS VIOLATION). */
  | 'self-compare';

export const FEATURES: readonly Feature[] = [
  'throw-in-main',
  'throw-in-static',
  'throw-in-global',
  'throw-in-callback',
  'loop-callback-throws',
  'global-calls-later-global',
  'loop-count-zero',
  'loop-count-pointer',
  'loop-in-static',
  'ref-across-global-call',
  'region-across-global-call',
  'region-across-call',
  'stack-512',
  'recursion',
  'deep-calls',
  'self-compare',
];

const MAX_FRAMES = 8;
/** Resource counts are capped: "may hold one" and "may hold more" are all the features need. */
const CAP = 2;

function effectOf(insn: Insn): KernelFnEffect | null {
  if (insn.kind === 'kfunc') return kernelFnByName(insn.name)?.effect ?? null;
  if (insn.kind === 'helper') return helperById(insn.id)?.effect ?? null;
  return null;
}

/** What the analyses need of the program's shape. */
interface Shape {
  readonly program: Program;
  readonly subprogs: readonly Subprog[];
  /** Subprogram index of each instruction. */
  readonly owner: readonly number[];
  /** Callee subprogram of each `call` / target of each `ldfunc` instruction, else -1. */
  readonly target: readonly number[];
  /** Instruction index of each jump's target, else -1. */
  readonly jumpTo: readonly number[];
  /** Instruction ranges [first, end) of each subprogram. */
  readonly range: readonly (readonly [number, number])[];
  readonly callbacks: ReadonlySet<number>;
}

function shapeOf(program: Program): Shape | null {
  const sp = subprogsOf(program);
  if (!sp.ok) return null;
  const { pcOf, insnAt } = layoutOf(program.insns);
  const byStart = new Map(sp.subprogs.map((s) => [s.startPc, s.index]));
  const owner: number[] = [];
  const target: number[] = [];
  const jumpTo: number[] = [];
  const range: [number, number][] = sp.subprogs.map(() => [0, 0]);
  const callbacks = new Set<number>();
  let current = 0;
  program.insns.forEach((insn, i) => {
    const pc = pcOf[i]!;
    while (current + 1 < sp.subprogs.length && sp.subprogs[current + 1]!.startPc <= pc) current++;
    owner.push(current);
    if (range[current]![1] === 0) range[current]![0] = i;
    range[current]![1] = i + 1;
    const dest = insn.kind === 'ja' || insn.kind === 'jmp' || insn.kind === 'call' || insn.kind === 'ldfunc';
    const to = dest ? pc + insn.off + 1 : -1;
    target.push(insn.kind === 'call' || insn.kind === 'ldfunc' ? (byStart.get(to) ?? -1) : -1);
    jumpTo.push((insn.kind === 'ja' || insn.kind === 'jmp') && to >= 0 ? (insnAt[to] ?? -1) : -1);
    if (insn.kind === 'ldfunc' && target[i]! >= 0) callbacks.add(target[i]!);
  });
  return { program, subprogs: sp.subprogs, owner, target, jumpTo, range, callbacks };
}

/** Successors of instruction i inside its subprogram (a throw ends the path, as in do_check). */
function successors(s: Shape, i: number): number[] {
  const insn = s.program.insns[i]!;
  const [, end] = s.range[s.owner[i]!]!;
  const next = i + 1 < end ? [i + 1] : [];
  switch (insn.kind) {
    case 'exit':
      return [];
    case 'ja':
      return s.jumpTo[i]! >= 0 ? [s.jumpTo[i]!] : [];
    case 'jmp':
      return s.jumpTo[i]! >= 0 ? [...next, s.jumpTo[i]!] : next;
    case 'kfunc':
      return effectOf(insn) === 'throw' ? [] : next;
    case 'alu':
    case 'neg':
    case 'ldx':
    case 'stx':
    case 'st':
    case 'lddw':
    case 'ldfunc':
    case 'helper':
    case 'call':
      return next;
    default: {
      const unreachable: never = insn;
      throw new Error(`unknown instruction ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Subprograms that may throw: directly, through a call, or through a callback they pass to bpf_loop. */
function mayThrowOf(s: Shape): boolean[] {
  const may = s.subprogs.map(() => false);
  s.program.insns.forEach((insn, i) => {
    if (effectOf(insn) === 'throw') may[s.owner[i]!] = true;
  });
  for (let changed = true; changed;) {
    changed = false;
    s.program.insns.forEach((_, i) => {
      const t = s.target[i]!;
      if (t >= 0 && may[t] && !may[s.owner[i]!]) {
        may[s.owner[i]!] = true;
        changed = true;
      }
    });
  }
  return may;
}

interface ResourceRules {
  readonly gain: ReadonlySet<KernelFnEffect>;
  readonly drop: ReadonlySet<KernelFnEffect>;
}

const REFS: ResourceRules = { gain: new Set(['acquire']), drop: new Set(['release']) };
const REGIONS: ResourceRules = {
  gain: new Set(['rcu-lock', 'preempt-disable']),
  drop: new Set(['rcu-unlock', 'preempt-enable']),
};

/** Where a resource may be held: at calls to throwing globals, at static calls. */
interface HeldAt {
  globalCall: boolean;
  staticCall: boolean;
}

/**
 * A may-analysis of how many resources (capped) are held, per subprogram: `net[f]` is the most f may return
 * holding when entered with none; `entry[f]` whether some caller may call f (or its bpf_loop run f as a
 * callback) holding one. References belong to the whole verifier state, so they flow into callees and
 * callbacks and back out.
 */
function resourceAnalysis(s: Shape, rules: ResourceRules, mayThrow: readonly boolean[]): HeldAt {
  const n = s.subprogs.length;
  const net = new Array<number>(n).fill(0);
  const entry = new Array<number>(n).fill(0);
  const found: HeldAt = { globalCall: false, staticCall: false };
  const loaded = (f: number): number[] => {
    const [a, b] = s.range[f]!;
    const out: number[] = [];
    for (let i = a; i < b; i++)
      if (s.program.insns[i]!.kind === 'ldfunc' && s.target[i]! >= 0) out.push(s.target[i]!);
    return out;
  };
  const flow = (f: number, start: number, record: boolean): number => {
    const [a, b] = s.range[f]!;
    const into = new Array<number>(b - a).fill(-1);
    into[0] = start;
    const work = [a];
    let atExit = 0;
    while (work.length > 0) {
      const i = work.pop()!;
      let c = into[i - a]!;
      const insn = s.program.insns[i]!;
      const effect = effectOf(insn);
      if (effect !== null && rules.gain.has(effect)) c = Math.min(CAP, c + 1);
      else if (effect !== null && rules.drop.has(effect)) c = Math.max(0, c - 1);
      else if (effect === 'loop' && record && c > 0) {
        for (const cb of loaded(f)) entry[cb] = Math.max(entry[cb]!, c);
      } else if (insn.kind === 'call' && s.target[i]! >= 0) {
        const callee = s.target[i]!;
        if (s.subprogs[callee]!.linkage === 'global') {
          if (record && c > 0 && mayThrow[callee]) found.globalCall = true;
        } else {
          if (record && c > 0) {
            found.staticCall = true;
            entry[callee] = Math.max(entry[callee]!, c);
          }
          c = Math.min(CAP, c + net[callee]!);
        }
      }
      if (insn.kind === 'exit') atExit = Math.max(atExit, c);
      for (const j of successors(s, i)) {
        if (j < a || j >= b || into[j - a]! >= c) continue;
        into[j - a] = c;
        work.push(j);
      }
    }
    return atExit;
  };
  // Each round can only raise net[] and entry[] (both capped), so the rounds are bounded.
  for (let round = 0; round < 2 * CAP * n + 2; round++) {
    const before = `${net.join()}|${entry.join()}`;
    for (let f = 0; f < n; f++) {
      if (s.subprogs[f]!.linkage === 'static') net[f] = flow(f, 0, false);
      flow(f, f === 0 || s.subprogs[f]!.linkage === 'global' ? 0 : entry[f]!, true);
    }
    if (`${net.join()}|${entry.join()}` === before) break;
  }
  return found;
}

/** The instruction that last set r1 before instruction i, scanning back inside its subprogram. */
function lastR1Write(s: Shape, i: number): Insn | null {
  const [a] = s.range[s.owner[i]!]!;
  for (let k = i - 1; k >= a; k--) {
    const insn = s.program.insns[k]!;
    const writes =
      ((insn.kind === 'alu' || insn.kind === 'neg' || insn.kind === 'ldx' || insn.kind === 'lddw') &&
        insn.dst === 1) ||
      (insn.kind === 'ldfunc' && insn.dst === 1) ||
      insn.kind === 'helper' ||
      insn.kind === 'kfunc' ||
      insn.kind === 'call';
    if (writes) return insn;
  }
  return null;
}

function callGraphFeatures(s: Shape, out: Set<Feature>): void {
  const n = s.subprogs.length;
  const callees: Set<number>[] = s.subprogs.map(() => new Set());
  s.program.insns.forEach((insn, i) => {
    if (insn.kind === 'call' && s.target[i]! >= 0) callees[s.owner[i]!]!.add(s.target[i]!);
  });
  for (let f = 0; f < n; f++) {
    const seen = new Set<number>();
    const work = [...callees[f]!];
    while (work.length > 0) {
      const g = work.pop()!;
      if (g === f) out.add('recursion');
      if (seen.has(g)) continue;
      seen.add(g);
      work.push(...callees[g]!);
    }
  }
  if (out.has('recursion')) return;
  // Frames of the longest chain starting at each subprogram (a DAG here: relax n times).
  const depth = new Array<number>(n).fill(1);
  for (let round = 0; round < n; round++) {
    for (let f = 0; f < n; f++) {
      for (const g of callees[f]!) depth[f] = Math.max(depth[f]!, 1 + depth[g]!);
    }
  }
  if (depth[0]! >= MAX_FRAMES) out.add('deep-calls');
}

const computed = new WeakMap<Program, ReadonlySet<Feature>>();

/**
 * The static features of a program (empty when its functions do not match its layout), computed once per
 * program object: the campaign and several oracles ask.
 */
export function programFeatures(program: Program): ReadonlySet<Feature> {
  let features = computed.get(program);
  if (features === undefined) {
    features = featuresOfProgram(program);
    computed.set(program, features);
  }
  return features;
}

function featuresOfProgram(program: Program): ReadonlySet<Feature> {
  const out = new Set<Feature>();
  const s = shapeOf(program);
  if (s === null) return out;
  const mayThrow = mayThrowOf(s);
  const kindOf = (f: number): 'main' | 'callback' | 'static' | 'global' =>
    f === 0 ? 'main' : s.callbacks.has(f) ? 'callback' : s.subprogs[f]!.linkage;
  s.program.insns.forEach((insn, i) => {
    const f = s.owner[i]!;
    const effect = effectOf(insn);
    if (effect === 'throw') {
      const where = kindOf(f);
      switch (where) {
        case 'main':
          out.add('throw-in-main');
          break;
        case 'callback':
          out.add('throw-in-callback');
          break;
        case 'static':
          out.add('throw-in-static');
          break;
        case 'global':
          out.add('throw-in-global');
          break;
        default: {
          const unreachable: never = where;
          throw new Error(`unknown subprogram kind ${String(unreachable)}`);
        }
      }
    }
    if (effect === 'loop') {
      const r1 = lastR1Write(s, i);
      if (r1?.kind === 'alu' && r1.op === 'mov' && r1.src.kind === 'imm' && r1.src.imm === 0) {
        out.add('loop-count-zero');
      }
      const pointer =
        (r1 === null && f === 0) ||
        (r1?.kind === 'alu' && r1.op === 'mov' && r1.src.kind === 'reg' && r1.src.reg === 10) ||
        r1?.kind === 'ldfunc';
      if (pointer) out.add('loop-count-pointer');
      if (f > 0 && s.subprogs[f]!.linkage === 'static') out.add('loop-in-static');
    }
    const t = s.target[i]!;
    if (insn.kind === 'call' && t > f && s.subprogs[f]!.linkage === 'global') {
      if (s.subprogs[t]!.linkage === 'global' && mayThrow[t]) out.add('global-calls-later-global');
    }
    if (insn.kind === 'jmp' && insn.src.kind === 'reg' && insn.src.reg === insn.dst) out.add('self-compare');
    const fpAccess =
      ((insn.kind === 'stx' || insn.kind === 'st') && insn.dst === 10) ||
      (insn.kind === 'ldx' && insn.src === 10);
    if (fpAccess && insn.off <= -505) out.add('stack-512');
  });
  for (const cb of s.callbacks) if (mayThrow[cb]) out.add('loop-callback-throws');
  const refs = resourceAnalysis(s, REFS, mayThrow);
  if (refs.globalCall) out.add('ref-across-global-call');
  const regions = resourceAnalysis(s, REGIONS, mayThrow);
  if (regions.globalCall) out.add('region-across-global-call');
  if (regions.staticCall) out.add('region-across-call');
  callGraphFeatures(s, out);
  return out;
}
