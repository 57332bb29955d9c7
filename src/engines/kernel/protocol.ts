/**
 * The executor's wire protocol (the other half of the table in native/executor.c): length-prefixed
 * frames, little endian. A request is `u32 length, u32 op, fields`; a reply is `u32 length, i32 status,
 * fields`, where status < 0 is -errno.
 */
import { constants } from 'node:os';
import { ProtocolError } from './protocol-error.js';

export const PROTOCOL_VERSION = 1;

/** The largest request frame the executor reads (MAX_REQUEST in native/executor.c), length word excluded. */
export const MAX_REQUEST_BYTES = 64 << 20;

/** What the executor can be asked to do; nothing else reaches the kernel. */
export type ExecutorRequest =
  | { readonly op: 'ping' }
  | { readonly op: 'btf-load'; readonly btf: Uint8Array; readonly logLevel: number; readonly logSize: number }
  | {
      readonly op: 'prog-load';
      /** A BTF fd this executor returned, or null for a program without BTF (then no func_info). */
      readonly btfFd: number | null;
      readonly insns: Uint8Array;
      readonly funcInfo: Uint8Array;
      readonly logLevel: number;
      readonly logSize: number;
    }
  /**
   * The engine's check in one round trip (do_check in executor.c): load without a log; when rejected, load
   * again with `explainLogLevel` (0: don't) to read why; when accepted, test-run each ctx in order, stopping
   * at the first the kernel refuses. Every fd is closed before the reply.
   */
  | {
      readonly op: 'check';
      readonly btf: Uint8Array;
      readonly insns: Uint8Array;
      readonly funcInfo: Uint8Array;
      readonly explainLogLevel: number;
      readonly logSize: number;
      readonly ctxSize: number;
      readonly ctxs: readonly Uint8Array[];
    }
  | { readonly op: 'test-run'; readonly progFd: number; readonly ctx: Uint8Array }
  | { readonly op: 'close'; readonly fd: number }
  /** Test aid: the executor sleeps, so timeouts and kills can be exercised. */
  | { readonly op: 'sleep'; readonly ms: number };

export type ExecutorOp = ExecutorRequest['op'];

/** A syscall's result: a value (an fd, or 0) or the errno name (`EINVAL`, `EACCES`, ...). */
export type SyscallResult =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly errno: string };

export interface ReplyByOp {
  ping: { readonly version: number; readonly fdsHeld: number };
  'btf-load': { readonly result: SyscallResult; readonly log: string };
  'prog-load': {
    readonly result: SyscallResult;
    /** bpf_prog_info.verified_insns of the loaded program (0 when rejected). */
    readonly verifiedInsns: number;
    readonly log: string;
  };
  check: {
    /** 0 when the program was accepted, or the errno of the load that failed. */
    readonly result: SyscallResult;
    /** Which load the result belongs to: the program's BTF or the program. */
    readonly stage: 'btf' | 'prog';
    /** bpf_prog_info.verified_insns of an accepted program. */
    readonly verifiedInsns: number;
    /** What the second load, with a log, did: not done, rejected (as expected), or accepted. */
    readonly explained: 'none' | 'rejected' | 'accepted';
    /** One per ctx run, in order; the last may be a failure, and then nothing ran after it. */
    readonly runs: readonly {
      readonly result: SyscallResult;
      readonly retval: number;
      readonly ctx: Uint8Array;
    }[];
    /** The explaining load's log (empty when there was none). */
    readonly log: string;
  };
  'test-run': { readonly result: SyscallResult; readonly retval: number; readonly ctx: Uint8Array };
  close: { readonly result: SyscallResult };
  sleep: { readonly result: SyscallResult };
}

export type ExecutorReply<O extends ExecutorOp = ExecutorOp> = ReplyByOp[O];

const OP_CODE: Record<ExecutorOp, number> = {
  ping: 0,
  'btf-load': 1,
  'prog-load': 2,
  'test-run': 3,
  close: 4,
  sleep: 5,
  check: 6,
};

export { FrameDecoder } from './framing.js';
export { ProtocolError } from './protocol-error.js';

const errnoNames = new Map<number, string>(
  Object.entries(constants.errno).map(([name, n]) => [n, name] as [number, string]),
);

/** `EINVAL` for 22, `errno 4242` for numbers the platform does not name. */
export function errnoName(errno: number): string {
  return errnoNames.get(errno) ?? `errno ${errno}`;
}

function u32s(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeInt32LE(v | 0, i * 4));
  return b;
}

/** Bytes of a check request's body (what MAX_REQUEST_BYTES bounds), without building it. */
export function checkRequestBytes(req: ExecutorRequest & { readonly op: 'check' }): number {
  return 4 + 28 + req.btf.length + req.insns.length + req.funcInfo.length + req.ctxSize * req.ctxs.length;
}

/** One framed request, ready to write to the executor's stdin. */
export function encodeRequest(req: ExecutorRequest): Buffer {
  const parts: Uint8Array[] = [u32s(OP_CODE[req.op])];
  switch (req.op) {
    case 'ping':
      break;
    case 'btf-load':
      parts.push(u32s(req.logLevel, req.logSize), req.btf);
      break;
    case 'prog-load':
      if (req.insns.length % 8 !== 0 || req.funcInfo.length % 8 !== 0) {
        throw new ProtocolError('insns and func_info must be whole 8-byte records');
      }
      parts.push(
        u32s(req.btfFd ?? -1, req.logLevel, req.logSize, req.insns.length / 8, req.funcInfo.length / 8),
        req.insns,
        req.funcInfo,
      );
      break;
    case 'check':
      if (req.insns.length % 8 !== 0 || req.funcInfo.length % 8 !== 0) {
        throw new ProtocolError('insns and func_info must be whole 8-byte records');
      }
      if (req.ctxs.some((c) => c.length !== req.ctxSize))
        throw new ProtocolError('every ctx must be ctxSize bytes');
      parts.push(
        u32s(
          req.explainLogLevel,
          req.logSize,
          req.btf.length,
          req.insns.length / 8,
          req.funcInfo.length / 8,
          req.ctxSize,
          req.ctxs.length,
        ),
        req.btf,
        req.insns,
        req.funcInfo,
        ...req.ctxs,
      );
      break;
    case 'test-run':
      parts.push(u32s(req.progFd), req.ctx);
      break;
    case 'close':
      parts.push(u32s(req.fd));
      break;
    case 'sleep':
      parts.push(u32s(req.ms));
      break;
    default: {
      const never: never = req;
      throw new ProtocolError(`unknown request ${JSON.stringify(never)}`);
    }
  }
  const size = parts.reduce((n, p) => n + p.length, 0);
  // The executor ends itself on a larger frame: refuse it here, as a protocol fault, instead.
  if (size > MAX_REQUEST_BYTES)
    throw new ProtocolError(`a request of ${size} bytes exceeds the executor's ${MAX_REQUEST_BYTES}`);
  return Buffer.concat([u32s(size), ...parts]);
}

function result(status: number): SyscallResult {
  return status >= 0 ? { ok: true, value: status } : { ok: false, errno: errnoName(-status) };
}

const EXPLAINED = ['none', 'rejected', 'accepted'] as const;

function decodeCheck(payload: Buffer, status: number): ExecutorReply<'check'> {
  // A request the executor refused (malformed sizes) carries nothing after the status: a harness bug.
  if (payload.length === 4)
    throw new ProtocolError(`the executor refused the check request (${errnoName(-status)})`);
  let at = 4;
  const u32 = (): number => {
    if (payload.length < at + 4) throw new ProtocolError(`check reply truncated at byte ${at}`);
    const v = payload.readUInt32LE(at);
    at += 4;
    return v;
  };
  const stage = u32();
  const verifiedInsns = u32();
  const explained = EXPLAINED[u32()];
  if (stage > 1 || explained === undefined)
    throw new ProtocolError('check reply with an unknown stage or explanation');
  const runs: { result: SyscallResult; retval: number; ctx: Uint8Array }[] = [];
  for (let n = u32(); n > 0; n--) {
    const runStatus = u32() | 0;
    const retval = u32();
    const len = u32();
    if (payload.length < at + len) throw new ProtocolError(`check reply truncated in a ctx at byte ${at}`);
    runs.push({ result: result(runStatus), retval, ctx: new Uint8Array(payload.subarray(at, at + len)) });
    at += len;
  }
  return {
    result: result(status),
    stage: stage === 0 ? 'btf' : 'prog',
    verifiedInsns,
    explained,
    runs,
    log: payload.toString('utf8', at),
  };
}

/** Decode one reply payload to the request that asked for it. */
export function decodeReply<O extends ExecutorOp>(op: O, payload: Buffer): ExecutorReply<O> {
  const need = (n: number): void => {
    if (payload.length < n) throw new ProtocolError(`${op} reply of ${payload.length} bytes, expected ${n}+`);
  };
  need(4);
  const status = payload.readInt32LE(0);
  const reply = ((): ExecutorReply => {
    switch (op) {
      case 'ping':
        need(8);
        return { version: status, fdsHeld: payload.readUInt32LE(4) };
      case 'btf-load':
        return { result: result(status), log: payload.toString('utf8', 4) };
      case 'prog-load':
        // A refused request (bad fd, bad sizes) carries nothing after the status.
        if (payload.length === 4) return { result: result(status), verifiedInsns: 0, log: '' };
        need(8);
        return {
          result: result(status),
          verifiedInsns: payload.readUInt32LE(4),
          log: payload.toString('utf8', 8),
        };
      case 'check':
        return decodeCheck(payload, status);
      case 'test-run':
        if (payload.length === 4) return { result: result(status), retval: 0, ctx: new Uint8Array(0) };
        need(8);
        return {
          result: result(status),
          retval: payload.readUInt32LE(4),
          ctx: new Uint8Array(payload.subarray(8)),
        };
      case 'close':
      case 'sleep':
        return { result: result(status) };
      default: {
        const never: never = op;
        throw new ProtocolError(`unknown op ${String(never)}`);
      }
    }
  })();
  return reply as ExecutorReply<O>;
}
