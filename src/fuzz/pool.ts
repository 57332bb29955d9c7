/**
 * The campaign on a pool of worker threads (workerpool): the main thread only schedules batches of the run's
 * sequence (sequence.ts), merges their results in case order, and hands out snapshots; the workers run the
 * pipeline (worker.ts).
 *
 * Faults are findings: a task whose heartbeat stands still past the hang limit is cancelled (workerpool kills
 * and replaces the worker); a task that fails (an exception outside the engines, a worker that ran out of
 * heap or ended) is handled alike. The heartbeat names the case it was in: the cases before it and after it
 * are run again as their own tasks, and the case itself once more, alone: if it fails again it becomes an
 * `engine-fault` finding (hang or crash) of the part it was in; if it passes alone, its answer counts (a
 * worker worn out by earlier cases is not that case's fault). DESIGN.md sketched halving the batch until one
 * case is left; the heartbeat finds it without the log2(batch) re-runs.
 *
 * Each new finding (minimize-finding.ts says which) is minimized as a task of its own, on the same workers:
 * queued when its bucket is made, dispatched alternately with batches (at most half the workers at once),
 * finished after generation ends; a first Ctrl-C starts no more of them. A minimization that hangs or kills
 * its worker is reported as failed, not retried.
 */
import workerpool from 'workerpool';
import type { Finding } from '../../oracles/finding.js';
import { caseFault } from '../../oracles/index.js';
import type { BatchFinding, BatchResult } from './batch.js';
import { HEARTBEAT_CASE, HEARTBEAT_PART, newHeartbeat } from './heartbeat.js';
import { caseProgram, timeKeys } from './pipeline.js';
import type { CampaignResult, FindingBucket, StopRule } from './result.js';
import { caseAt, sequenceLength, type CaseRef, type SequencePlan } from './sequence.js';
import type { CampaignSettings } from './settings.js';
import { addTally, copyTally, emptyTally } from './tally.js';
import { Timeline } from './timeline.js';
import type { Minimization, MinimizeBudget, MinimizeTask } from './minimize-finding.js';
import { minimizable } from './minimize-finding.js';
import type { WorkerInit } from './worker.js';

export interface PoolOptions {
  readonly workers: number;
  /** Path of the compiled worker entry (dist/src/fuzz/worker.js). */
  readonly workerScript: string;
  /** A case that shows no progress for this long is a hang. */
  readonly hangMs: number;
  /** Each worker's old-generation heap limit: past it the worker dies, and its case is a crash finding. */
  readonly heapMiB: number;
  /** Cases per task at most (the pool sizes batches to about half a second of work below that). */
  readonly maxBatch: number;
  /** The cap per new finding's minimization, or null: findings are not minimized. */
  readonly minimize: MinimizeBudget | null;
}

export interface PoolDeps {
  readonly clock: () => number;
  readonly known: (signature: string) => string | null;
  /** `stop`: dispatch no more batches, finish the running ones (first Ctrl-C). */
  readonly stopRequested: () => boolean;
  /** Called after each merge with a way to take the result so far, and once per new bucket, in case order. */
  readonly onMerged?: (snapshot: () => CampaignResult) => void;
  readonly onBucket?: (bucket: FindingBucket) => void;
}

/** What one pool run ended with: the result, and whether it ran its whole stop rule. */
export interface PoolRun {
  readonly result: CampaignResult;
  readonly complete: boolean;
}

interface Range {
  readonly start: number;
  readonly cases: readonly CaseRef[];
  /** Run alone to see whether the case fails again (after its task failed on it). */
  readonly confirming: boolean;
  /** Earlier failures of this very range before any case started (a worker that cannot start). */
  readonly attempts: number;
}

/** A task running: a batch of cases, or a finding being minimized. */
type Work =
  | { readonly kind: 'batch'; readonly range: Range }
  | { readonly kind: 'minimize'; readonly task: MinimizeTask };

interface InFlight {
  readonly work: Work;
  readonly heartbeat: Int32Array;
  readonly task: workerpool.Promise<unknown>;
  seen: number;
  seenAt: number;
  hung: boolean;
}

type Merged = { readonly length: number; readonly result: BatchResult };

/**
 * Why a task failed, first line first (the signature takes it): the worker's heap, the thread's end, or the
 * exception thrown outside the engines with its stack.
 */
function failureText(e: unknown, heapMiB: number): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/memory limit|out of memory/i.test(message))
    return `the worker ran out of memory (heap limit ${heapMiB} MiB)`;
  const ended = /terminated unexpectedly[\s\S]*?exitCode: `(\w+)`/i.exec(message);
  if (ended) return `the worker thread ended (exit code ${ended[1]})`;
  return e instanceof Error && e.stack !== undefined && e.stack.startsWith(`${e.name}: ${message}`)
    ? `${message}\n${e.stack.slice(e.name.length + message.length + 3)}`
    : message;
}

export class CampaignPool {
  private readonly pool: workerpool.Pool;
  private readonly inFlight = new Set<InFlight>();
  private readonly retry: Range[] = [];
  private readonly pending = new Map<number, Merged>();
  private readonly buckets = new Map<string, FindingBucket>();
  private readonly tally = emptyTally();
  private readonly timeline = new Timeline();
  private readonly toMinimize: MinimizeTask[] = [];
  private readonly minimized = new Map<string, Minimization>();
  private minimizing = 0;
  private lastLaunched: Work['kind'] = 'minimize';
  private readonly length: number | null;
  private nextStart = 0;
  private mergeAt = 0;
  private startedAt = 0;
  private casesPerMs = 0;
  private aborted = false;
  private fatal: Error | null = null;
  private wake: () => void = () => {};

  constructor(
    private readonly settings: CampaignSettings,
    private readonly plan: SequencePlan,
    private readonly stop: StopRule,
    private readonly init: WorkerInit,
    private readonly options: PoolOptions,
    private readonly deps: PoolDeps,
  ) {
    this.length = sequenceLength(plan);
    this.pool = workerpool.pool(options.workerScript, {
      workerType: 'thread',
      maxWorkers: options.workers,
      workerThreadOpts: {
        workerData: init,
        resourceLimits: { maxOldGenerationSizeMb: options.heapMiB },
      },
    });
  }

  /** End at once: running batches are dropped (their cases are not counted), the pool is terminated. */
  abort(): void {
    this.aborted = true;
    this.wake();
  }

  async run(): Promise<PoolRun> {
    this.startedAt = this.deps.clock();
    const watchdog = setInterval(
      () => {
        this.watch();
      },
      Math.min(250, this.options.hangMs / 4),
    );
    try {
      for (;;) {
        if (this.fatal) throw this.fatal;
        if (this.aborted) break;
        this.dispatch();
        if (this.inFlight.size === 0 && this.retry.length === 0 && !this.minimizeWaiting()) break;
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      clearInterval(watchdog);
      await this.pool.terminate(true);
    }
    const complete =
      !this.aborted &&
      !this.deps.stopRequested() &&
      (this.length === null ? true : this.mergeAt >= this.length);
    return { result: this.snapshot(), complete };
  }

  private timeUp(): boolean {
    return this.stop.kind === 'time' && this.deps.clock() - this.startedAt >= this.stop.ms;
  }

  /** Cases for the next task: about half a second of work per worker, never more than is left to share. */
  private batchSize(): number {
    const left = this.length === null ? Infinity : this.length - this.nextStart;
    const fair = Math.ceil(left / this.options.workers);
    const paced = this.casesPerMs > 0 ? Math.round(this.casesPerMs * 500) : 16;
    return Math.max(1, Math.min(this.options.maxBatch, fair, Math.max(8, paced)));
  }

  /** A minimization is queued and may still start (a first Ctrl-C starts no more). */
  private minimizeWaiting(): boolean {
    return this.toMinimize.length > 0 && !this.deps.stopRequested();
  }

  /**
   * Retries first (merging waits for them), then batches and minimizations in turn: a minimization when one
   * is waiting, fewer than half the workers (at least one) minimize, and the last task started was a batch;
   * once no batch is left, whatever minimization waits.
   */
  private dispatch(): void {
    while (this.inFlight.size < this.options.workers) {
      const retry = this.retry.shift();
      if (retry !== undefined) {
        this.launch(retry);
        continue;
      }
      const share = Math.max(1, Math.floor(this.options.workers / 2));
      if (this.minimizeWaiting() && this.minimizing < share && this.lastLaunched === 'batch') {
        this.launchMinimize(this.toMinimize.shift()!);
        continue;
      }
      const range = this.nextRange();
      if (range !== null) {
        this.launch(range);
        continue;
      }
      if (!this.minimizeWaiting()) return;
      this.launchMinimize(this.toMinimize.shift()!);
    }
  }

  private launchMinimize(work: MinimizeTask): void {
    const heartbeat = newHeartbeat();
    const task = this.pool.exec('minimize', [
      work,
      this.settings,
      this.options.minimize,
      heartbeat,
    ]) as workerpool.Promise<Minimization>;
    const flight: InFlight = {
      work: { kind: 'minimize', task: work },
      heartbeat,
      task,
      seen: 0,
      seenAt: this.deps.clock(),
      hung: false,
    };
    this.inFlight.add(flight);
    this.minimizing++;
    this.lastLaunched = 'minimize';
    const done = (m: Minimization): void => {
      this.inFlight.delete(flight);
      this.minimizing--;
      this.minimized.set(work.signature, m);
      this.deps.onMerged?.(() => this.snapshot());
      this.wake();
    };
    task.then(done, (e: unknown) => {
      if (this.aborted) {
        this.inFlight.delete(flight);
        this.minimizing--;
        this.wake();
        return;
      }
      done({
        status: 'failed',
        reason: flight.hung
          ? `a check gave no answer within ${this.options.hangMs} ms`
          : failureText(e, this.options.heapMiB).split('\n')[0]!,
      });
    });
  }

  private nextRange(): Range | null {
    if (this.deps.stopRequested() || this.timeUp()) return null;
    const size = this.batchSize();
    const cases: CaseRef[] = [];
    for (let p = this.nextStart; cases.length < size; p++) {
      const ref = caseAt(this.plan, p);
      if (ref === null) break;
      cases.push(ref);
    }
    if (cases.length === 0) return null;
    const range = { start: this.nextStart, cases, confirming: false, attempts: 0 };
    this.nextStart += cases.length;
    return range;
  }

  private launch(range: Range): void {
    const heartbeat = newHeartbeat();
    const task = this.pool.exec('batch', [
      range.cases,
      this.settings,
      heartbeat,
    ]) as workerpool.Promise<BatchResult>;
    const flight: InFlight = {
      work: { kind: 'batch', range },
      heartbeat,
      task,
      seen: 0,
      seenAt: this.deps.clock(),
      hung: false,
    };
    this.inFlight.add(flight);
    this.lastLaunched = 'batch';
    task.then(
      (result) => {
        this.inFlight.delete(flight);
        this.pending.set(range.start, { length: range.cases.length, result });
        this.merge();
        this.wake();
      },
      (e: unknown) => {
        this.inFlight.delete(flight);
        if (!this.aborted) this.failed(flight, range, e);
        this.wake();
      },
    );
  }

  /** The watchdog: a task whose heartbeat has not moved for the hang limit is cancelled (its worker killed). */
  private watch(): void {
    const now = this.deps.clock();
    for (const f of this.inFlight) {
      const started = Atomics.load(f.heartbeat, HEARTBEAT_CASE);
      if (started !== f.seen) {
        f.seen = started;
        f.seenAt = now;
      } else if (!f.hung && now - f.seenAt > this.options.hangMs) {
        f.hung = true;
        f.task.cancel();
      }
    }
  }

  private failed(f: InFlight, range: Range, e: unknown): void {
    const started = Atomics.load(f.heartbeat, HEARTBEAT_CASE);
    if (started === 0) {
      // No case started: the worker could not take the task (it failed to start). Try again, twice.
      if (range.attempts >= 2)
        this.fatal = new Error(
          `a worker failed before running any case: ${failureText(e, this.options.heapMiB)}`,
        );
      else this.retry.unshift({ ...range, attempts: range.attempts + 1 });
      return;
    }
    const at = started - 1;
    const culprit = range.cases[at]!;
    if (range.confirming) {
      const part = timeKeys(this.settings)[Atomics.load(f.heartbeat, HEARTBEAT_PART)] ?? 'worker';
      const finding = f.hung
        ? caseFault(part, 'hang', `no answer within ${this.options.hangMs} ms`)
        : caseFault(part, 'crash', failureText(e, this.options.heapMiB));
      this.pending.set(range.start, { length: 1, result: this.faultResult(culprit, finding) });
      this.merge();
      return;
    }
    const after = range.cases.slice(at + 1);
    const before = range.cases.slice(0, at);
    // Front of the queue, in case order: merging waits for the earliest missing position anyway.
    if (after.length > 0)
      this.retry.unshift({ start: range.start + at + 1, cases: after, confirming: false, attempts: 0 });
    this.retry.unshift({ start: range.start + at, cases: [culprit], confirming: true, attempts: 0 });
    if (before.length > 0)
      this.retry.unshift({ start: range.start, cases: before, confirming: false, attempts: 0 });
  }

  /** The one case that failed twice, as a batch result of its own: counted, with its fault finding. */
  private faultResult(ref: CaseRef, finding: Finding): BatchResult {
    const { program, origin } = caseProgram(ref, this.settings, {
      corpus: this.init.mutationSeeds,
      replay: this.init.replay,
    });
    const tally = emptyTally();
    tally.cases = 1;
    tally.strategies[origin.beyond ? `${origin.strategy}+beyond` : origin.strategy] = 1;
    const found: BatchFinding = { finding, origin, program, count: 1, fault: true };
    return { tally, findings: [found] };
  }

  /** Merges every result whose turn has come (case order), so buckets keep the first case of a signature. */
  private merge(): void {
    let merged = false;
    for (let next = this.pending.get(this.mergeAt); next; next = this.pending.get(this.mergeAt)) {
      this.pending.delete(this.mergeAt);
      this.mergeAt += next.length;
      merged = true;
      addTally(this.tally, next.result.tally);
      for (const f of next.result.findings) {
        const had = this.buckets.get(f.finding.signature);
        if (had) {
          had.count += f.count;
          continue;
        }
        const bucket: FindingBucket = {
          signature: f.finding.signature,
          first: f.finding,
          origin: f.origin,
          program: f.program,
          count: f.count,
          known: this.deps.known(f.finding.signature),
        };
        this.buckets.set(bucket.signature, bucket);
        if (this.options.minimize !== null && minimizable(f.finding, bucket.known, f.fault === true))
          this.toMinimize.push({
            signature: bucket.signature,
            origin: bucket.origin,
            program: bucket.program,
          });
        this.deps.onBucket?.(bucket);
      }
    }
    if (!merged) return;
    const elapsed = this.deps.clock() - this.startedAt;
    this.timeline.add({ ms: elapsed, cases: this.tally.cases });
    this.casesPerMs = elapsed > 0 ? this.tally.cases / elapsed / this.options.workers : 0;
    this.deps.onMerged?.(() => this.snapshot());
  }

  private snapshot(): CampaignResult {
    return {
      ...copyTally(this.tally),
      settings: this.settings,
      shard: this.plan.shard,
      workers: this.options.workers,
      elapsedMs: this.deps.clock() - this.startedAt,
      buckets: [...this.buckets.values()].map((b) => ({
        ...b,
        minimized: this.minimized.get(b.signature) ?? null,
      })),
      timeline: this.timeline.points(),
    };
  }
}
