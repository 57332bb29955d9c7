/**
 * The reducer: a program and a predicate (does this program still show the finding?) in, a smaller program
 * that still shows it out. Deterministic: the same program, predicate answers and budget give the same
 * result. Repeats its passes to a fixpoint (a round that changes nothing): drop subprograms, drop calls with
 * their argument set-up, delete ranges of instructions (halving, then one at a time), replace instructions
 * by no-ops, remove or unconditionalize conditional jumps, shrink constants, drop inputs and zero input
 * bytes. Every candidate is checked for structure first (a malformed program is what the kernel rejects
 * before anything of interest; when the program given is itself malformed, candidates are not held to it),
 * and each program is tried once (keyed by its text). A budget (predicate calls, time by the injected clock)
 * ends it early; the result is then smaller but not necessarily 1-minimal. Pure but for the two callbacks.
 *
 * At a fixpoint the result is 1-minimal in what the passes try: deleting any one instruction, subprogram or
 * input gives a malformed program or one without the finding (tests check it against the editor directly).
 */
import type { Program } from '../bpf/program.js';
import { structureProblem } from '../bpf/structure.js';
import { printProgram } from '../bpf/text/print.js';
import {
  constants,
  deleteBlocks,
  deleteRanges,
  dropCalls,
  dropInputs,
  dropSubprograms,
  fewerArguments,
  jumpsPass,
  nops,
  pruneLabels,
  shrinkInputs,
  type Pass,
  type PassName,
} from './passes.js';

export type Predicate = (program: Program) => Promise<boolean>;

export interface Budget {
  /** Most predicate calls (default 5,000). */
  readonly maxCalls?: number;
  /** Milliseconds by `clock` from the start (default: no limit). */
  readonly timeMs?: number;
  /** Milliseconds; needed for timeMs (the reducer reads no clock of its own). */
  readonly clock?: () => number;
}

export interface MinimizeStats {
  /** Times the predicate ran. */
  readonly calls: number;
  /** Candidates skipped because the same program was tried before. */
  readonly repeats: number;
  /** Candidates skipped because they were malformed (structureProblem). */
  readonly malformed: number;
  /** Rounds of every pass. */
  readonly rounds: number;
  readonly insnsBefore: number;
  readonly insnsAfter: number;
  readonly subprogsBefore: number;
  readonly subprogsAfter: number;
  readonly inputsBefore: number;
  readonly inputsAfter: number;
  /** Candidates each pass got kept. */
  readonly kept: Readonly<Record<PassName, number>>;
  /** Why it stopped: a round changed nothing, or the budget ran out. */
  readonly stop: 'fixpoint' | 'calls' | 'time';
}

export interface MinimizeResult {
  readonly program: Program;
  readonly stats: MinimizeStats;
}

export interface MinimizeOptions extends Budget {
  /** Told after each kept candidate and each round (progress on a terminal). */
  readonly onProgress?: (p: {
    readonly insns: number;
    readonly calls: number;
    readonly pass: PassName;
  }) => void;
}

const DEFAULT_MAX_CALLS = 5000;

/** The passes of one round, in order: the big cuts first, so the fine ones run on what is left. */
function roundPasses(p: Program): Pass[] {
  const chunks: number[] = [];
  for (let c = 1 << Math.floor(Math.log2(Math.max(1, p.insns.length >> 1))); c > 1; c >>= 1) chunks.push(c);
  return [
    dropSubprograms,
    dropCalls,
    fewerArguments,
    ...chunks.map(deleteRanges),
    deleteRanges(1),
    nops,
    deleteRanges(1),
    jumpsPass,
    constants,
    dropInputs,
    shrinkInputs,
  ];
}

class OutOfBudget extends Error {
  constructor(readonly why: 'calls' | 'time') {
    super(why);
  }
}

export async function minimize(
  program: Program,
  predicate: Predicate,
  options: MinimizeOptions = {},
): Promise<MinimizeResult> {
  const maxCalls = options.maxCalls ?? DEFAULT_MAX_CALLS;
  const clock = options.clock;
  const deadline = options.timeMs !== undefined && clock ? clock() + options.timeMs : null;
  const checkStructure = structureProblem(program) === null;
  const tried = new Set<string>([printProgram(program)]);
  const kept: Record<PassName, number> = {
    'drop-subprograms': 0,
    'drop-calls': 0,
    'delete-ranges': 0,
    'delete-blocks': 0,
    nop: 0,
    jumps: 0,
    constants: 0,
    arguments: 0,
    'drop-inputs': 0,
    'shrink-inputs': 0,
  };
  let calls = 0;
  let repeats = 0;
  let malformed = 0;
  let rounds = 0;
  let current = program;

  const keeps = async (edited: Program): Promise<boolean> => {
    const candidate = pruneLabels(edited);
    if (checkStructure && structureProblem(candidate) !== null) {
      malformed++;
      return false;
    }
    const key = printProgram(candidate);
    if (tried.has(key)) {
      repeats++;
      return false;
    }
    if (calls >= maxCalls) throw new OutOfBudget('calls');
    if (deadline !== null && clock!() >= deadline) throw new OutOfBudget('time');
    tried.add(key);
    calls++;
    return predicate(candidate);
  };

  /** Runs a pass over every position; whether it kept anything. */
  const runPass = async (pass: Pass): Promise<boolean> => {
    let changed = false;
    // After a kept candidate the position stays: it now holds what came after (or a smaller form).
    for (let k = 0; k < pass.count(current);) {
      let took = false;
      for (const candidate of pass.at(current, k)) {
        if (await keeps(candidate)) {
          current = pruneLabels(candidate);
          kept[pass.name]++;
          changed = took = true;
          options.onProgress?.({ insns: current.insns.length, calls, pass: pass.name });
          break;
        }
      }
      if (!took) k++;
    }
    return changed;
  };

  let stop: MinimizeStats['stop'] = 'fixpoint';
  try {
    for (let changed = true; changed;) {
      changed = false;
      rounds++;
      for (const pass of roundPasses(current)) if (await runPass(pass)) changed = true;
      // The quadratic pass only on what the others could not make smaller.
      if (!changed) changed = await runPass(deleteBlocks);
    }
  } catch (e) {
    if (!(e instanceof OutOfBudget)) throw e;
    stop = e.why;
  }
  return {
    program: current,
    stats: {
      calls,
      repeats,
      malformed,
      rounds,
      insnsBefore: program.insns.length,
      insnsAfter: current.insns.length,
      subprogsBefore: program.funcs.length,
      subprogsAfter: current.funcs.length,
      inputsBefore: program.inputs.length,
      inputsAfter: current.inputs.length,
      kept,
      stop,
    },
  };
}
