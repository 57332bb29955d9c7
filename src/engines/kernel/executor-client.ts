/**
 * The client side of the executor: one child process (native/build/throwfuzz-executor) per client, one
 * request in flight at a time. A request that does not answer in time, an executor that dies or one that
 * answers garbage ends in an `ExecutorFault` (a finding for the harness), never in an exception: the
 * executor is killed and the next request starts a fresh one. The kernel closes every fd a dead executor
 * held.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  decodeReply,
  encodeRequest,
  FrameDecoder,
  PROTOCOL_VERSION,
  ProtocolError,
  type ExecutorOp,
  type ExecutorReply,
  type ExecutorRequest,
} from './protocol.js';

/** Why a request got no reply. */
export type ExecutorFault =
  | { readonly kind: 'timeout'; readonly op: ExecutorOp; readonly ms: number }
  | {
      readonly kind: 'crash';
      readonly op: ExecutorOp;
      readonly exitCode: number | null;
      readonly signal: string | null;
      /** The last lines the executor wrote to stderr. */
      readonly stderr: string;
    }
  | { readonly kind: 'protocol'; readonly op: ExecutorOp; readonly detail: string }
  | { readonly kind: 'spawn'; readonly op: ExecutorOp; readonly detail: string };

export type Exchange<O extends ExecutorOp> =
  | { readonly kind: 'reply'; readonly reply: ExecutorReply<O> }
  | { readonly kind: 'fault'; readonly fault: ExecutorFault };

/** What a check needs of an executor: requests answered in order, faults as data. */
export interface Executor {
  request<O extends ExecutorOp>(
    req: ExecutorRequest & { readonly op: O },
    timeoutMs?: number,
  ): Promise<Exchange<O>>;
}

export interface ExecutorClientOptions {
  /** Path of the executor binary. */
  readonly path: string;
  /** Per-request limit in milliseconds (default 30 s: a 1M-instruction verification with a log fits). */
  readonly timeoutMs?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const STDERR_KEPT = 4096;

interface Pending {
  readonly op: ExecutorOp;
  readonly resolve: (exchange: Exchange<ExecutorOp>) => void;
  readonly timer: NodeJS.Timeout;
}

/** One live executor process and what it is doing. */
interface Live {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly frames: FrameDecoder;
  pending: Pending | null;
  stderr: string;
}

/** The child's pipes are sockets, which can stop holding the event loop open. */
type Refable = { ref?: () => void; unref?: () => void };
const pipesOf = (live: Live): Refable[] =>
  [live.proc.stdin, live.proc.stdout, live.proc.stderr] as unknown as Refable[];

/** A client of one executor process at a time (restarted after a fault). */
export class ExecutorClient implements Executor {
  private live: Live | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private started = 0;
  readonly timeoutMs: number;

  constructor(private readonly options: ExecutorClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  }

  /** How many executor processes this client has started (1 + restarts, once used). */
  get starts(): number {
    return this.started;
  }

  /** Process id of the current executor, or null when none runs. */
  get pid(): number | null {
    return this.live?.proc.pid ?? null;
  }

  /** Send one request; requests are answered in the order they were made. */
  request<O extends ExecutorOp>(
    req: ExecutorRequest & { readonly op: O },
    timeoutMs?: number,
  ): Promise<Exchange<O>> {
    const run = (): Promise<Exchange<O>> =>
      this.exchange(req, timeoutMs ?? this.timeoutMs) as Promise<Exchange<O>>;
    const next = this.queue.then(run, run);
    this.queue = next;
    return next;
  }

  /** Ask the executor to finish (it closes what it still holds) and wait for it to exit. */
  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    const live = this.live;
    if (!live) return;
    this.live = null;
    await new Promise<void>((resolve) => {
      if (live.proc.exitCode !== null || live.proc.signalCode !== null) {
        resolve();
        return;
      }
      live.proc.once('exit', () => {
        resolve();
      });
      // Waiting for the exit must keep Node alive.
      this.busy(live);
      live.proc.stdin.end();
    });
  }

  private start(op: ExecutorOp): Live | ExecutorFault {
    let proc: ChildProcessWithoutNullStreams;
    try {
      // The executor dies with this process (PR_SET_PDEATHSIG); our pid lets it check it started in time.
      proc = spawn(this.options.path, [], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, THROWFUZZ_EXECUTOR_PARENT: String(process.pid) },
      });
    } catch (e) {
      return { kind: 'spawn', op, detail: String(e) };
    }
    this.started++;
    const live: Live = { proc, frames: new FrameDecoder(), pending: null, stderr: '' };
    proc.stdout.on('data', (chunk: Buffer) => {
      this.onData(live, chunk);
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      live.stderr = (live.stderr + chunk.toString('utf8')).slice(-STDERR_KEPT);
    });
    // EPIPE on a dead executor's stdin shows up as a crash through 'exit'; nothing to do here.
    proc.stdin.on('error', () => undefined);
    proc.on('error', (e) => {
      this.fail(live, { kind: 'spawn', op: live.pending?.op ?? op, detail: e.message });
    });
    proc.on('exit', (code, signal) => {
      this.fail(live, {
        kind: 'crash',
        op: live.pending?.op ?? op,
        exitCode: code,
        signal,
        stderr: live.stderr.trim(),
      });
    });
    this.idle(live);
    return live;
  }

  private exchange(req: ExecutorRequest, timeoutMs: number): Promise<Exchange<ExecutorOp>> {
    let live = this.live;
    if (!live) {
      const started = this.start(req.op);
      if ('kind' in started) return Promise.resolve({ kind: 'fault', fault: started });
      live = this.live = started;
    }
    const current = live;
    let frame: Buffer;
    try {
      frame = encodeRequest(req);
    } catch (e) {
      return Promise.resolve({ kind: 'fault', fault: { kind: 'protocol', op: req.op, detail: String(e) } });
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.fail(current, { kind: 'timeout', op: req.op, ms: timeoutMs });
      }, timeoutMs);
      current.pending = { op: req.op, resolve, timer };
      this.busy(current);
      current.proc.stdin.write(frame);
    });
  }

  private onData(live: Live, chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = live.frames.push(chunk);
    } catch (e) {
      this.fail(live, { kind: 'protocol', op: live.pending?.op ?? 'ping', detail: String(e) });
      return;
    }
    for (const payload of frames) {
      const pending = live.pending;
      if (!pending) {
        this.fail(live, { kind: 'protocol', op: 'ping', detail: 'reply without a request' });
        return;
      }
      let reply: ExecutorReply;
      try {
        reply = decodeReply(pending.op, payload);
        if (pending.op === 'ping' && (reply as ExecutorReply<'ping'>).version !== PROTOCOL_VERSION) {
          throw new ProtocolError(
            `executor speaks protocol ${(reply as ExecutorReply<'ping'>).version}, expected ${PROTOCOL_VERSION} (rebuild it: npm run build)`,
          );
        }
      } catch (e) {
        this.fail(live, {
          kind: 'protocol',
          op: pending.op,
          detail: e instanceof Error ? e.message : String(e),
        });
        return;
      }
      clearTimeout(pending.timer);
      live.pending = null;
      this.idle(live);
      pending.resolve({ kind: 'reply', reply });
    }
  }

  /** End the executor and the request it was working on, if any, with a fault. */
  private fail(live: Live, fault: ExecutorFault): void {
    if (this.live === live) this.live = null;
    if (live.proc.exitCode === null && live.proc.signalCode === null) live.proc.kill('SIGKILL');
    const pending = live.pending;
    live.pending = null;
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.resolve({ kind: 'fault', fault });
  }

  /** An idle executor must not keep Node alive; a busy one must. */
  private idle(live: Live): void {
    live.proc.unref();
    for (const s of pipesOf(live)) s.unref?.();
  }

  private busy(live: Live): void {
    live.proc.ref();
    for (const s of pipesOf(live)) s.ref?.();
  }
}
