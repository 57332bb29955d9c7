/**
 * The abstract interpreter: per subprogram entry context, a worklist over the subprogram's instructions in
 * pc order (every jump goes forward in the fragment, so pc order is a topological order), holding at each
 * pc the set of distinct states that reach it (merged only when equal on what is live). A static call is
 * answered by the callee's summary for that entry context (computed once, reused at every callsite that
 * reaches it with an equal context); a bpf_loop callsite iterates its callback's summary to a fixpoint.
 * Every violation keeps the smallest depth-first path key that reaches it, so the one reported is the one
 * the kernel's do_check meets first.
 */
import type { Insn } from '../../bpf/insn.js';
import type { Profile, Quirk } from '../../bpf/profile.js';
import type { Mark, Verdict } from '../../bpf/result.js';
import type { Shape } from './cfg.js';
import { covers, joinAt } from './join.js';
import { resourceLeak, type Rejection } from './messages.js';
import { SCALAR_UNKNOWN, scalarConst, scalarKey } from './scalar.js';
import { NONE, setReg, top, type Frame, type State, type Val } from './state.js';
import { KeyCache, stateKey } from './state-key.js';
import { stepInsn } from './step.js';

/** A violation or an instruction outside the fragment, at its path key. */
export interface Event {
  readonly key: string;
  readonly verdict: Verdict;
}

/** What a subprogram does from one entry context. Keys are relative to the entry. */
export interface Summary {
  readonly exits: readonly State[];
  /** Some explored path throws (bpf_throw, or a call to a throwing subprogram). */
  readonly throws: boolean;
  readonly event: Event | null;
}

/** BPF_COMPLEXITY_LIMIT_INSNS */
export const INSN_LIMIT = 1_000_000;
/** Iterations of one bpf_loop callsite before scalars that keep changing are widened. */
const LOOP_WIDEN_AFTER = 8;
/**
 * Rounds of one bpf_loop callsite before the states still new there are given up as too complex. Widening
 * makes scalars converge; what it leaves alone (a preempt count a callback raises every round) may not, and
 * the kernel, whose callback_depth only stops at the count's umax, runs out of its instruction budget there.
 */
export const LOOP_ROUND_LIMIT = 64;
/**
 * Fuel: every state stepped and every pair of states compared at a callsite costs one. Past it every
 * state left is too complex, so the analysis ends (SPEC: fuel, so it can never hang), whatever the
 * program, without waiting for the instruction limit that counts states stepped only.
 */
export const WORK_LIMIT = 20_000_000;

export type Outcome =
  | { readonly to: 'pc'; readonly pc: number; readonly s: State }
  | { readonly to: 'exit'; readonly s: State }
  | { readonly to: 'throw'; readonly s: State }
  | { readonly to: 'event'; readonly key: string; readonly verdict: Verdict }
  | { readonly to: 'call'; readonly s: State; readonly callee: number; readonly callback: boolean };

export class Interpreter {
  readonly marks = new Map<number, Set<Exclude<Mark, 'none'>>>();
  readonly canThrow: boolean[];
  readonly stackDepth: number[];
  readonly called: boolean[];
  /** Subprograms entered as bpf_loop callbacks (subprog_info is_cb), for check_max_stack_depth. */
  readonly isCallback: boolean[];
  processed = 0;
  states = 0;
  /** Fuel spent (WORK_LIMIT). */
  work = 0;
  /** The callback_depth of the state being stepped (StepEnv). */
  callbackDepth = 0;
  private readonly summaries = new Map<string, Summary>();
  private readonly keys = new KeyCache();

  constructor(
    readonly shape: Extract<Shape, { ok: true }>,
    readonly profile: Profile,
    readonly quirks: readonly Quirk[],
    /** Which globals may throw (decided before main is verified; SPEC §4). */
    readonly globalThrows: readonly boolean[],
    /** Verifying a rewrite: the instrumentation helpers are known. */
    readonly instrumented: boolean,
    /** Join mode (join.ts): states of one shape merge at each pc. */
    readonly join = false,
  ) {
    this.canThrow = shape.subprogs.map(() => false);
    this.stackDepth = shape.subprogs.map(() => 0);
    this.called = shape.subprogs.map(() => false);
    this.isCallback = shape.subprogs.map(() => false);
  }

  mark(pc: number, frameDepth: number, subprog: number): void {
    const m: Exclude<Mark, 'none'> = frameDepth === 0 && subprog === 0 ? 'outer' : 'inner';
    let set = this.marks.get(pc);
    if (set === undefined) this.marks.set(pc, (set = new Set()));
    set.add(m);
  }

  /** Live registers of each frame of `s` at the point it resumes. */
  private liveOf(s: State, pc: number): (i: number) => number {
    return (i: number) => {
      if (i === s.frames.length - 1) return this.shape.liveIn[pc]!;
      const callee = s.frames[i + 1]!;
      // A callback returns to its bpf_loop call, which runs again: everything it reads stays live.
      if (callee.callback) return this.shape.liveIn[callee.callsite]! | 0x3c0 | 0x3e;
      return this.shape.liveIn[callee.callsite + 1]! & ~0x3f;
    };
  }

  /** The summary of entering `subprog` (its frame already pushed on `entry`). */
  summary(entry: State, subprog: number): Summary {
    const start = this.shape.subprogs[subprog]!.startPc;
    const ck = `${subprog}@${stateKey(entry, this.liveOf(entry, start), this.keys)}`;
    const known = this.summaries.get(ck);
    if (known !== undefined) return known;
    const result = this.run({ ...entry, key: '' }, subprog);
    this.summaries.set(ck, result);
    return result;
  }

  /** The worklist over one subprogram from one entry state. */
  private run(entry: State, subprog: number): Summary {
    const sp = this.shape.subprogs[subprog]!;
    const pending = new Map<number, Map<string, State>>();
    const exits: State[] = [];
    let throws = false;
    const bestBox: { e: Event | null } = { e: null };
    // Instrumented, a bpf_throw that ends a subprogram falls through into the next one's instructions.
    let end = sp.endPc;
    const add = (pc: number, s: State): void => {
      if (bestBox.e !== null && s.key > bestBox.e.key) return; // nothing past it can come first
      if (pc >= end) end = pc + 1;
      let at = pending.get(pc);
      if (at === undefined) pending.set(pc, (at = new Map<string, State>()));
      const k = stateKey(s, this.liveOf(s, pc), this.keys);
      const seen = at.get(k);
      if (seen === undefined || s.key < seen.key) at.set(k, s);
    };
    const event = (e: Event): void => {
      if (bestBox.e === null || e.key < bestBox.e.key) bestBox.e = e;
    };
    add(sp.startPc, entry);
    const done = new Map<number, Set<string>>();
    for (let pc = sp.startPc; pc < end; pc++) {
      const at = pending.get(pc);
      if (at === undefined) continue;
      let iterations = 0;
      // bpf_loop iterations come back to the same pc: repeat until no state is new.
      for (;;) {
        let seen = done.get(pc);
        if (seen === undefined) done.set(pc, (seen = new Set()));
        ++iterations;
        if (this.join) joinAt(at, seen, iterations, (st) => this.liveOf(st, pc), this.keys);
        // Widened first, then pruned against what was seen here: prepare_func_exit widens a returning
        // callback's state (widen_imprecise_scalars) before is_state_visited compares it at the callsite.
        if (iterations > LOOP_WIDEN_AFTER) this.widen(at, seen, pc);
        let work = [...at.entries()].filter(([k]) => !seen.has(k));
        if (iterations > 1) work = this.uncovered(work, at, seen, pc);
        if (work.length === 0) break;
        if (iterations > LOOP_ROUND_LIMIT) {
          // No fixpoint in sight: the first of the states still new is where the analysis gives up.
          for (const [k, s] of work) {
            seen.add(k);
            event(this.tooComplex(s, pc));
          }
          break;
        }
        for (const [k, s] of work) {
          seen.add(k);
          if (bestBox.e !== null && s.key > bestBox.e.key) continue;
          this.processed++;
          this.states++;
          this.work++;
          if (this.processed > INSN_LIMIT || this.work > WORK_LIMIT) {
            event(this.tooComplex(s, pc));
            continue;
          }
          // Every state here arrived from earlier pcs (round 0) or from the callback entered by a state
          // of the previous round: the rounds run are the iterations before this one.
          this.callbackDepth = iterations - 1;
          for (const o of this.step(s, pc)) {
            switch (o.to) {
              case 'pc':
                add(o.pc, o.s);
                break;
              case 'exit':
                exits.push(o.s);
                break;
              case 'throw':
                throws = true;
                break;
              case 'event':
                event({ key: o.key, verdict: o.verdict });
                break;
              case 'call':
                throw new Error('unexpected call outcome');
              default: {
                const never: never = o;
                throw new Error(`unknown outcome ${String(never)}`);
              }
            }
          }
        }
      }
      pending.delete(pc);
    }
    const b = bestBox.e;
    return { exits: b === null ? exits : exits.filter((e) => e.key < b.key), throws, event: b };
  }

  /** BPF_COMPLEXITY_LIMIT_INSNS's message, for the instruction limit and for running out of fuel. */
  private tooComplex(s: State, pc: number): Event {
    return {
      key: s.key,
      verdict: {
        accepted: false,
        class: 'too-complex',
        message: `BPF program is too large. Processed ${this.processed} insn`,
        insn: pc,
      },
    };
  }

  /**
   * At a bpf_loop callsite, a state a callback brings back that an earlier state there (with a key no
   * larger) covers is not explored again: it can do nothing the earlier one did not (is_state_visited's
   * `calls_callback` case, states_equal with RANGE_WITHIN). A callback that only narrows the caller's
   * scalars (a test on a linked copy) so converges without widening them. The dropped state counts as seen.
   */
  private uncovered(
    work: [string, State][],
    at: Map<string, State>,
    seen: Set<string>,
    pc: number,
  ): [string, State][] {
    const live = (st: State) => this.liveOf(st, pc);
    const old = [...at.entries()].filter(([k]) => seen.has(k)).map(([, s]) => s);
    return work.filter(([k, s]) => {
      // Out of fuel: not compared, so stepping it reports too-complex.
      this.work += old.length;
      if (this.work > WORK_LIMIT) return true;
      const covered = old.some((o) => o.key <= s.key && covers(o, s, live, this.keys));
      if (covered) seen.add(k);
      return !covered;
    });
  }

  /**
   * Widening at a bpf_loop callsite that keeps producing new states (documented heuristic). As
   * widen_imprecise_scalars / maybe_widen_reg do, a scalar (register or spilled) equal to the one at the
   * same place in a state already processed here is kept (regs_exact); only those that changed become
   * unknown. So what a callback cannot touch (the caller's registers, a NULL ctx in R3) stays as it was.
   */
  private widen(at: Map<string, State>, seen: Set<string>, pc: number): void {
    const old = new Set<string>();
    this.work += at.size;
    const place = (frame: number, where: string, v: Val | null | undefined): string | null =>
      v?.k === 'scalar' ? `${frame}:${where}:${scalarKey(v.s)}` : null;
    for (const [k, s] of at) {
      if (!seen.has(k)) continue;
      s.frames.forEach((f, i) => {
        f.regs.forEach((v, r) => {
          const p = place(i, `r${r}`, v);
          if (p !== null) old.add(p);
        });
        f.stack.forEach((slot, j) => {
          const p = place(i, `s${j}`, slot?.spill);
          if (p !== null) old.add(p);
        });
      });
    }
    const widened: State[] = [];
    for (const [k, s] of [...at]) {
      if (seen.has(k)) continue;
      const keep = (i: number, where: string, v: Val): boolean => old.has(place(i, where, v) ?? '');
      const frames = s.frames.map((f, i) => ({
        ...f,
        stack: f.stack.map((slot, j) =>
          slot?.spill?.k === 'scalar' && !keep(i, `s${j}`, slot.spill)
            ? { ...slot, spill: { k: 'scalar' as const, s: SCALAR_UNKNOWN } }
            : slot,
        ),
        regs: f.regs.map((v, r) =>
          v.k === 'scalar' && !keep(i, `r${r}`, v) ? { k: 'scalar' as const, s: SCALAR_UNKNOWN } : v,
        ),
      }));
      at.delete(k);
      widened.push({ ...s, frames });
    }
    // Re-keyed by what they now are: a widened state equal to one processed here is not new.
    for (const w of widened) {
      const k = stateKey(w, this.liveOf(w, pc), this.keys);
      const prior = at.get(k);
      if (!seen.has(k) && (prior === undefined || w.key < prior.key)) at.set(k, w);
    }
  }

  /** One instruction on one state: its successors, with calls resolved through summaries. */
  private step(s: State, pc: number): Outcome[] {
    const out: Outcome[] = [];
    for (const o of stepInsn(this, s, pc)) {
      if (o.to !== 'call') {
        out.push(o);
        continue;
      }
      const caller = top(s);
      const callerDepth = s.frames.length - 1;
      const sum = this.summary(o.s, o.callee);
      // The callee's keys extend the entry's own key: for a callback that is the caller's key plus the
      // `1` of entering it (push_callback_call), so its paths come after the one continuing past the call.
      const base = o.s.key;
      if (sum.event !== null)
        out.push({ to: 'event', key: base + sum.event.key, verdict: sum.event.verdict });
      if (sum.throws) {
        this.mark(pc, callerDepth, caller.subprog);
        this.canThrow[caller.subprog] = true;
        out.push({ to: 'throw', s });
      }
      for (const e of sum.exits) {
        const key = base + e.key;
        const callee = top(e);
        const frames = e.frames.slice(0, -1);
        const back = frames[frames.length - 1]!;
        if (o.callback) {
          // prepare_func_exit for a callback: back to the bpf_loop call, which runs again.
          out.push({ to: 'pc', pc, s: { ...e, frames, key } });
        } else {
          const regs = back.regs.slice();
          regs[0] = callee.regs[0]!;
          for (let r = 1; r <= 5; r++) regs[r] = NONE;
          const f: Frame = { ...back, regs };
          frames[frames.length - 1] = f;
          out.push({ to: 'pc', pc: pc + 1, s: { ...e, frames, key } });
        }
      }
    }
    return out;
  }

  /** An exit from frame 0 of the subprogram being verified on its own (main or a global). */
  resourceAtExit(s: State): Rejection | null {
    return resourceLeak(this.profile, 'BPF_EXIT instruction in main prog', s.refs, s.rcu, s.preempt);
  }
}

/** The entry state of main (R1 = ctx) or of a global (R1..Rn unknown scalars). */
export function entryState(subprog: number, args: number | null): State {
  const regs: Val[] = Array.from({ length: 11 }, () => NONE);
  if (args === null) regs[1] = { k: 'ctx', off: 0 };
  else for (let r = 1; r <= args; r++) regs[r] = { k: 'scalar', s: SCALAR_UNKNOWN };
  regs[10] = { k: 'fp', frame: 0, off: 0 };
  return {
    frames: [{ subprog, callsite: -1, callback: false, regs, stack: [] }],
    refs: [],
    rcu: false,
    preempt: 0,
    idGen: 0,
    key: '',
  };
}

export { scalarConst, setReg };
export type { Insn };
