/**
 * pathExplorer.verify: the kernel's algorithm (do_check) on a program of SPEC §1, with the facts and the
 * rewrite of SPEC §5. Pure, deterministic, bounded (1,000,000 processed instructions), never throws.
 */
import { layoutOf, type Layout, type Subprog } from '../../bpf/layout.js';
import type { Quirk, VerifyOptions } from '../../bpf/profile.js';
import type { Program } from '../../bpf/program.js';
import type { Facts, ModelResult, Verdict } from '../../bpf/result.js';
import { rewriteProgram } from '../../bpf/rewrite.js';
import { analyse } from './analysis.js';
import { doCheck } from './check.js';
import { Reject, type Env, type PcInfo } from './env.js';
import { collectFacts } from './facts.js';
import { checkMaxStackDepth } from './stack-depth.js';
import { checkStructure, progSizeMessage } from './structure.js';

export interface PathExplorerOptions extends VerifyOptions {
  readonly log?: boolean;
  /**
   * Verify the program as an instrumented rewrite (SPEC §5) runs: `bpf_throw` records the exception and
   * returns, a plain void kfunc (no marks, no resource checks, a fall-through edge under rfc too), and the
   * instrumentation helpers `bpf_get_exception`/`bpf_reset_exception` exist. See rewriteVerdict.
   */
  readonly instrumented?: boolean;
}

function newEnv(
  program: Program,
  options: PathExplorerOptions,
  subprogs: Subprog[],
  pcs: PcInfo,
  layout: Layout,
  log: boolean,
): Env {
  const n = subprogs.length;
  return {
    insns: program.insns,
    layout,
    subprogs,
    profile: options.profile,
    kind: program.kind,
    ctxSize: program.ctxSize,
    quirks: new Set<Quirk>(options.quirks),
    instrumented: options.instrumented === true,
    pcs,
    globalCanThrow: () => false,
    idGen: 0,
    insnProcessed: 0,
    jmpsProcessed: 0,
    prevInsnProcessed: 0,
    prevJmpsProcessed: 0,
    totalStates: 0,
    explored: new Map(),
    stack: [],
    cur: undefined as never,
    insnIdx: 0,
    prevInsnIdx: -1,
    curHist: null,
    marks: new Map(),
    canThrow: new Array<boolean>(n).fill(false),
    stackDepth: new Array<number>(n).fill(0),
    isCb: new Array<boolean>(n).fill(false),
    called: new Array<boolean>(n).fill(false),
    loopInline: new Map(),
    stackLive: new Map(),
    log: log ? [] : null,
  };
}

const globalsOf = (subprogs: readonly Subprog[]): number[] =>
  subprogs.filter((s) => s.index > 0 && s.linkage === 'global').map((s) => s.index);

/**
 * can_throw of every global (SPEC §4): a path in it throws, or calls a throwing global. Each global is
 * explored on its own; without the `seed-global-order` quirk the pass repeats until nothing changes (any
 * call order), with it one pass in index order sees only the globals before (RFC v1 without 5/9's fix-up).
 */
function globalThrowInfo(
  program: Program,
  options: PathExplorerOptions,
  subprogs: Subprog[],
  pcs: PcInfo,
  layout: Layout,
): boolean[] {
  const globals = globalsOf(subprogs);
  const known = new Array<boolean>(subprogs.length).fill(false);
  // A rewrite's bpf_throw marks nothing (calls.ts), so no global of an instrumented program ever throws:
  // exploring them on their own would only find that again.
  if (options.instrumented === true) return known;
  const ordered = options.quirks.includes('seed-global-order');
  // What each global's last exploration asked about other globals, and the answers it got. An exploration
  // is deterministic, so one that would get the same answers again ends the same way: it is skipped (a
  // global known to throw stays so). Only explorations that could change something are repeated.
  const asked = new Array<Map<number, boolean> | null>(subprogs.length).fill(null);
  for (let round = 0; round <= globals.length; round++) {
    let changed = false;
    for (const g of globals) {
      const last = asked[g];
      if (known[g] || (last && [...last].every(([h, v]) => known[h] === v))) continue;
      const env = newEnv(program, options, subprogs, pcs, layout, false);
      const answers = new Map<number, boolean>();
      asked[g] = answers;
      env.globalCanThrow = (h) => {
        const v = ordered ? h < g && known[h] === true : known[h] === true;
        answers.set(h, known[h] === true);
        return v;
      };
      try {
        doCheck(env, g);
      } catch (e) {
        if (!(e instanceof Reject)) throw e;
      }
      if (env.canThrow[g] && !known[g]) {
        known[g] = true;
        changed = true;
      }
    }
    if (ordered || !changed) break;
  }
  return known;
}

const withLine = (log: string[], line: string): string[] => {
  log.push(line);
  return log;
};

function rejected(env: Env | null, e: Reject): { verdict: Verdict; log: string[] } {
  const log = env?.log ?? [];
  for (const line of e.preface) log.push(line);
  log.push(e.message);
  // print_verification_stats: printed for every verification, also one that failed before do_check
  log.push(
    `processed ${env?.insnProcessed ?? 0} insns (limit 1000000) total_states ${env?.totalStates ?? 0}`,
  );
  // SPEC §3: a program outside the fragment is not applicable, neither accepted nor rejected.
  const verdict: Verdict =
    e.cls === 'unsupported'
      ? { accepted: null, status: 'unsupported', reason: e.message.replace(/^unsupported: /, ''), insn: e.pc }
      : { accepted: false, class: e.cls, message: e.message, insn: e.pc };
  return { verdict, log };
}

export function verify(program: Program, options: PathExplorerOptions): ModelResult {
  const wantLog = options.log === true;
  let env: Env | null = null;
  // Everything is inside the try: an exception anywhere is the engine's `internal-error`, never a verdict.
  try {
    // bpf_prog_load refuses an oversized program before the verifier runs: no log at all.
    const tooLarge = program.kind === 'syscall' ? progSizeMessage(program) : null;
    if (tooLarge !== null) {
      return {
        verdict: { accepted: false, class: 'too-complex', message: tooLarge, insn: null },
        facts: null,
        rewrite: null,
        stats: { insnsProcessed: 0, states: 0 },
        log: wantLog ? [] : null,
      };
    }
    if (program.kind !== 'syscall')
      throw new Reject('unsupported', `unsupported: ${program.kind} programs`, null);
    const instrumented = options.instrumented === true;
    const subprogs = checkStructure(program, options.profile, instrumented);
    const layout = layoutOf(program.insns);
    const pcs = analyse(program.insns, layout, options.profile, instrumented);
    // can_throw of the globals, computed when first asked for: a program rejected before any path calls
    // a global (or is accepted without globals) never needs the globals explored on their own.
    let known: boolean[] | null = null;
    const globalThrows = (): boolean[] =>
      (known ??= globalThrowInfo(program, options, subprogs, pcs, layout));
    env = newEnv(program, options, subprogs, pcs, layout, wantLog);
    env.globalCanThrow = (g) => globalThrows()[g] === true;
    doCheck(env, 0);
    // do_check_subprogs: mainline validates the globals a verified path called (6.8+, lazily, repeating
    // while new ones get called); RFC v1 validated every global.
    const verified = new Array<boolean>(subprogs.length).fill(false);
    for (;;) {
      let progress = false;
      for (const g of globalsOf(subprogs)) {
        if (verified[g] || (options.profile === 'mainline' && !env.called[g])) continue;
        env.log?.push(`Validating ${subprogs[g]!.name}() func#${g}...`);
        // seed-global-order: a global only knows about the globals checked before it
        env.globalCanThrow = options.quirks.includes('seed-global-order')
          ? (h) => h < g && globalThrows()[h] === true
          : (h) => globalThrows()[h] === true;
        doCheck(env, g);
        verified[g] = true;
        progress = true;
      }
      if (!progress) break;
    }
    checkMaxStackDepth(env);
    for (const g of globalsOf(subprogs)) if (!verified[g]) env.canThrow[g] = globalThrows()[g] === true;
    const facts: Facts = collectFacts(env, program);
    // A Program, not text: printing and re-parsing it cost the campaign's hot path ~7%.
    const rewrite = rewriteProgram(program, facts, options.profile, options.quirks);
    env.log?.push(`processed ${env.insnProcessed} insns (limit 1000000) total_states ${env.totalStates}`);
    return {
      verdict: { accepted: true },
      facts,
      rewrite,
      stats: { insnsProcessed: env.insnProcessed, states: env.totalStates },
      log: env.log,
    };
  } catch (e) {
    const stats = { insnsProcessed: env?.insnProcessed ?? 0, states: env?.totalStates ?? 0 };
    if (e instanceof Reject) {
      const r = rejected(env, e);
      return { verdict: r.verdict, facts: null, rewrite: null, stats, log: wantLog ? r.log : null };
    }
    const detail = e instanceof Error ? e.message : String(e);
    return {
      verdict: {
        accepted: null,
        status: 'internal-error',
        reason: `path-explorer internal error: ${detail}`,
      },
      facts: null,
      rewrite: null,
      stats,
      log: wantLog ? withLine(env?.log ?? [], `internal error: ${detail}`) : null,
    };
  }
}
