import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeReply,
  encodeRequest,
  errnoName,
  FrameDecoder,
  ProtocolError,
} from '../../../src/engines/kernel/protocol.js';

const le32 = (...ns: number[]) =>
  Buffer.concat(
    ns.map((n) => {
      const b = Buffer.alloc(4);
      b.writeInt32LE(n);
      return b;
    }),
  );

describe('executor protocol', () => {
  it('frames requests as u32 length, u32 op, fields (the table in native/executor.c)', () => {
    expect(encodeRequest({ op: 'ping' })).toEqual(le32(4, 0));
    expect(encodeRequest({ op: 'close', fd: 7 })).toEqual(le32(8, 4, 7));
    expect(encodeRequest({ op: 'sleep', ms: 250 })).toEqual(le32(8, 5, 250));
    const btf = Uint8Array.from([1, 2, 3]);
    expect(encodeRequest({ op: 'btf-load', btf, logLevel: 1, logSize: 4096 })).toEqual(
      Buffer.concat([le32(15, 1, 1, 4096), Buffer.from(btf)]),
    );
    const insns = new Uint8Array(16).fill(0xaa);
    const funcInfo = new Uint8Array(8).fill(0xbb);
    expect(encodeRequest({ op: 'prog-load', btfFd: null, insns, funcInfo, logLevel: 0, logSize: 0 })).toEqual(
      Buffer.concat([le32(48, 2, -1, 0, 0, 2, 1), Buffer.from(insns), Buffer.from(funcInfo)]),
    );
    expect(encodeRequest({ op: 'test-run', progFd: 9, ctx: Uint8Array.from([5, 6]) })).toEqual(
      Buffer.concat([le32(10, 3, 9), Buffer.from([5, 6])]),
    );
  });

  it('frames a check: sizes, then BTF, instructions, func_info and each ctx', () => {
    const req = {
      op: 'check',
      btf: Uint8Array.from([9, 9]),
      insns: new Uint8Array(8).fill(0xaa),
      funcInfo: new Uint8Array(8).fill(0xbb),
      explainLogLevel: 1,
      logSize: 4096,
      ctxSize: 2,
      ctxs: [Uint8Array.from([1, 2]), Uint8Array.from([3, 4])],
    } as const;
    expect(encodeRequest(req)).toEqual(
      Buffer.concat([
        le32(4 + 28 + 2 + 16 + 4, 6, 1, 4096, 2, 1, 1, 2, 2),
        Buffer.from([9, 9]),
        req.insns,
        req.funcInfo,
        Buffer.from([1, 2, 3, 4]),
      ]),
    );
    expect(() => encodeRequest({ ...req, ctxs: [new Uint8Array(3)] })).toThrow(ProtocolError);
  });

  it('refuses instructions that are not whole 8-byte slots', () => {
    const bad = {
      op: 'prog-load',
      btfFd: 3,
      insns: new Uint8Array(7),
      funcInfo: new Uint8Array(0),
      logLevel: 0,
      logSize: 0,
    } as const;
    expect(() => encodeRequest(bad)).toThrow(ProtocolError);
  });

  it('reassembles frames however the bytes are chunked', () => {
    const payloads = fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 });
    fc.assert(
      fc.property(payloads, fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1 }), (ps, cuts) => {
        const stream = Buffer.concat(ps.map((p) => Buffer.concat([le32(p.length), Buffer.from(p)])));
        const decoder = new FrameDecoder();
        const got: Buffer[] = [];
        for (let at = 0, k = 0; at < stream.length; k++) {
          const n = cuts[k % cuts.length]!;
          got.push(...decoder.push(stream.subarray(at, at + n)));
          at += n;
        }
        expect(got.map((b) => [...b])).toEqual(ps.map((p) => [...p]));
        expect(decoder.pending).toBe(0);
      }),
    );
  });

  it('rejects absurd frame lengths instead of buffering forever', () => {
    expect(() => new FrameDecoder(1024).push(le32(4096))).toThrow(ProtocolError);
  });

  it('decodes replies: fds, errno names, logs, ctx bytes', () => {
    expect(decodeReply('ping', le32(1, 3))).toEqual({ version: 1, fdsHeld: 3 });
    expect(decodeReply('btf-load', Buffer.concat([le32(5), Buffer.from('log')]))).toEqual({
      result: { ok: true, value: 5 },
      log: 'log',
    });
    expect(decodeReply('prog-load', Buffer.concat([le32(-13, 0), Buffer.from('R1 !read_ok\n')]))).toEqual({
      result: { ok: false, errno: 'EACCES' },
      verifiedInsns: 0,
      log: 'R1 !read_ok\n',
    });
    expect(decodeReply('prog-load', le32(-9))).toEqual({
      result: { ok: false, errno: 'EBADF' },
      verifiedInsns: 0,
      log: '',
    });
    const run = decodeReply('test-run', Buffer.concat([le32(0, -1), Buffer.from([1, 2])]));
    expect(run).toEqual({ result: { ok: true, value: 0 }, retval: 0xffffffff, ctx: Uint8Array.from([1, 2]) });
    expect(decodeReply('close', le32(0))).toEqual({ result: { ok: true, value: 0 } });
    expect(() => decodeReply('ping', le32(1))).toThrow(ProtocolError);
    expect(() => decodeReply('close', Buffer.alloc(2))).toThrow(ProtocolError);
  });

  it('decodes a check reply: verdict, stage, runs with their ctx, then the log', () => {
    const accepted = Buffer.concat([
      le32(0, 1, 12, 0, 2),
      le32(0, 7, 2),
      Buffer.from([5, 6]),
      le32(-22, 0, 0),
    ]);
    expect(decodeReply('check', accepted)).toEqual({
      result: { ok: true, value: 0 },
      stage: 'prog',
      verifiedInsns: 12,
      explained: 'none',
      runs: [
        { result: { ok: true, value: 0 }, retval: 7, ctx: Uint8Array.from([5, 6]) },
        { result: { ok: false, errno: 'EINVAL' }, retval: 0, ctx: new Uint8Array(0) },
      ],
      log: '',
    });
    const rejected = Buffer.concat([le32(-13, 1, 0, 1, 0), Buffer.from('R0 !read_ok\n')]);
    expect(decodeReply('check', rejected)).toMatchObject({
      result: { ok: false, errno: 'EACCES' },
      explained: 'rejected',
      runs: [],
      log: 'R0 !read_ok\n',
    });
    expect(decodeReply('check', le32(-22, 0, 0, 0, 0))).toMatchObject({ stage: 'btf' });
    // Refused (malformed) requests, truncated runs and unknown stages are protocol errors.
    expect(() => decodeReply('check', le32(-22))).toThrow(/refused/);
    expect(() =>
      decodeReply('check', Buffer.concat([le32(0, 1, 1, 0, 1), le32(0, 7, 9), Buffer.from([1])])),
    ).toThrow(ProtocolError);
    expect(() => decodeReply('check', le32(0, 2, 0, 0, 0))).toThrow(ProtocolError);
  });

  it('names errnos', () => {
    expect(errnoName(22)).toBe('EINVAL');
    expect(errnoName(7)).toBe('E2BIG');
    expect(errnoName(99999)).toBe('errno 99999');
  });
});
