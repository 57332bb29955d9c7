/** do_check: depth-first over the paths of one subprogram's verification, with an explicit branch stack. */
import { checkAlu } from './alu-insn.js';
import { checkFuncCall, checkHelperCall, checkKfuncCall } from './calls.js';
import { insnAtPc, logLine, Reject, unsupported, type Env } from './env.js';
import { checkExit } from './exit.js';
import { checkCondJmp } from './jump.js';
import { checkLdx, checkSt, checkStx } from './memory.js';
import { isStateVisited, pushHistory } from './prune.js';
import { updateBranchCounts } from './stack.js';
import { updateLiveStack } from './stack-liveness.js';
import { changedRegs, insnStateLine, insnText, stateStr } from './log.js';
import { curFrame, newFrame, unknownScalar, type RegState, type VState } from './state.js';

/** BPF_COMPLEXITY_LIMIT_INSNS */
export const COMPLEXITY_LIMIT = 1_000_000;

/** The entry state of a verification (do_check_common): main gets the ctx, a global unknown scalars. */
function entryState(env: Env, subprog: number): VState {
  const f = newFrame(-1, 0, subprog, false);
  if (subprog === 0) f.regs[1] = { kind: 'ctx', off: 0 };
  else for (let r = 1; r <= env.subprogs[subprog]!.args; r++) f.regs[r] = unknownScalar();
  const start = env.subprogs[subprog]!.startPc;
  return {
    frames: [f],
    refs: [],
    rcu: 0,
    preempt: 0,
    parent: null,
    firstInsn: start,
    lastInsn: -1,
    insnIdx: start,
    history: [],
    branches: 1,
    dfsDepth: 0,
  };
}

/** One step: process the instruction at env.insnIdx; returns the next pc, or null when the path ends. */
function step(env: Env, pc: number): number | null {
  const insn = insnAtPc(env, pc);
  if (!insn) throw unsupported(`no instruction at pc ${pc}`, pc);
  switch (insn.kind) {
    case 'alu':
    case 'neg':
    case 'lddw':
    case 'ldfunc':
      checkAlu(env, pc, insn);
      return pc + (insn.kind === 'lddw' || insn.kind === 'ldfunc' ? 2 : 1);
    case 'ldx':
      checkLdx(env, pc, insn.dst, insn.src, insn.off, insn.size);
      return pc + 1;
    case 'stx':
      checkStx(env, pc, insn.dst, insn.src, insn.off, insn.size);
      return pc + 1;
    case 'st':
      checkSt(env, pc, insn.dst, insn.off, insn.size, insn.imm);
      return pc + 1;
    case 'ja':
      env.jmpsProcessed++;
      return pc + insn.off + 1;
    case 'jmp':
      env.jmpsProcessed++;
      return checkCondJmp(env, pc, insn);
    case 'call':
      env.jmpsProcessed++;
      return checkFuncCall(env, pc, insn.off);
    case 'helper':
      env.jmpsProcessed++;
      return checkHelperCall(env, pc, insn.id);
    case 'kfunc': {
      env.jmpsProcessed++;
      const r = checkKfuncCall(env, pc, insn.name);
      return r === 'throw' ? null : r;
    }
    case 'exit': {
      env.jmpsProcessed++;
      const r = checkExit(env, pc);
      return r.kind === 'end' ? null : r.pc;
    }
    default: {
      const never: never = insn;
      throw new Error(String(never));
    }
  }
}

/** step, and when it rejects, the instruction's line first: the kernel prints it before checking it. */
function stepLogged(env: Env, pc: number, text: string): number | null {
  try {
    return step(env, pc);
  } catch (e) {
    if (e instanceof Reject) logLine(env, text);
    throw e;
  }
}

/** do_check_common + do_check for one subprogram. */
export function doCheck(env: Env, subprog: number): void {
  env.cur = entryState(env, subprog);
  env.stack = [];
  env.explored = new Map();
  env.insnIdx = env.subprogs[subprog]!.startPc;
  // do_check prints the entry state before the first instruction (everything is scratched)
  if (env.log) logLine(env, `${env.insnIdx}: ${stateStr(env.cur)}`);
  let prev = -1;
  let printState = false;
  for (;;) {
    env.curHist = null;
    env.prevInsnIdx = prev;
    const pc = env.insnIdx;
    if (++env.insnProcessed > COMPLEXITY_LIMIT)
      throw new Reject('too-complex', `BPF program is too large. Processed ${env.insnProcessed} insn`, pc);
    env.cur.lastInsn = prev;
    env.cur.insnIdx = pc;
    let next: number | null;
    if (env.pcs.prune[pc] && isStateVisited(env, pc)) {
      if (env.log) logLine(env, printState ? `from ${prev} to ${pc}: safe` : `${pc}: safe`);
      next = null;
    } else {
      if (env.pcs.jmp[pc]) pushHistory(env, null);
      let before: readonly RegState[] = [];
      let text = '';
      if (env.log) {
        if (printState) logLine(env, `from ${prev} to ${pc}: ${stateStr(env.cur)}`);
        text = insnText(insnAtPc(env, pc), pc);
        before = curFrame(env.cur).regs.slice();
      }
      printState = false;
      prev = pc;
      const depth = env.cur.frames.length;
      next = env.log ? stepLogged(env, pc, text) : step(env, pc);
      if (env.log) {
        const same = env.cur.frames.length === depth && next !== null;
        const changed = same ? changedRegs(before, curFrame(env.cur).regs) : [];
        logLine(env, changed.length > 0 ? insnStateLine(text, stateStr(env.cur, changed)) : text);
        if (!same && next !== null) logLine(env, `${next}: ${stateStr(env.cur)}`);
      }
    }
    if (next !== null) {
      env.insnIdx = next;
      continue;
    }
    // process_bpf_exit: the path ended (exit of the entry frame, a throw, or pruned)
    updateBranchCounts(env.cur);
    updateLiveStack(env);
    const pending = env.stack.pop();
    if (!pending) break;
    env.cur = pending.state;
    env.insnIdx = pending.insnIdx;
    prev = pending.prevInsnIdx;
    printState = true;
  }
}
