/**
 * The executor client: faults are data, never exceptions, and a dead or hung executor is replaced by the
 * next request. Fake executors (cat, false, a missing file) need nothing; the real one needs only to be
 * built (ping and sleep make no bpf() call); the primitives need the live kernel.
 */
import { accessSync, constants } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encode } from '../../../src/bpf/codec.js';
import { makeProgram } from '../../../src/bpf/program.js';
import { ExecutorClient } from '../../../src/engines/kernel/executor-client.js';
import { defaultExecutorPath } from '../../../src/engines/kernel/executor-path.js';
import { buildProgramBtf } from '../../../src/engines/kernel/program-btf.js';
import { liveKernel } from './live.js';

describe('executor faults with stand-in executors', () => {
  it('a reply that is not a reply is a protocol fault (cat echoes the request back)', async () => {
    const client = new ExecutorClient({ path: '/bin/cat' });
    const exchange = await client.request({ op: 'ping' });
    expect(exchange).toMatchObject({ kind: 'fault', fault: { kind: 'protocol', op: 'ping' } });
    await client.close();
  });

  it('an executor that exits is a crash fault, every time, each with a fresh process', async () => {
    const client = new ExecutorClient({ path: '/bin/false' });
    for (let i = 0; i < 2; i++) {
      const exchange = await client.request({ op: 'close', fd: 3 });
      expect(exchange).toMatchObject({ kind: 'fault', fault: { kind: 'crash', op: 'close', exitCode: 1 } });
    }
    expect(client.starts).toBe(2);
    await client.close();
  });

  it('an executor that cannot be started is a spawn fault', async () => {
    const client = new ExecutorClient({ path: '/nonexistent/throwfuzz-executor' });
    const exchange = await client.request({ op: 'ping' });
    expect(exchange).toMatchObject({ kind: 'fault', fault: { kind: 'spawn', op: 'ping' } });
    await client.close();
  });
});

const executorPath = defaultExecutorPath();
let notBuilt: string | null = null;
try {
  accessSync(executorPath, constants.X_OK);
} catch {
  notBuilt = `no executor at ${executorPath} (npm run build)`;
  console.log(`[executor] skipped: ${notBuilt}`);
}

describe.skipIf(notBuilt)('the real executor', () => {
  it('answers in order, however many requests are queued', async () => {
    const client = new ExecutorClient({ path: executorPath });
    const replies = await Promise.all([
      client.request({ op: 'sleep', ms: 30 }),
      client.request({ op: 'ping' }),
      client.request({ op: 'close', fd: 1 }),
    ]);
    expect(replies).toEqual([
      { kind: 'reply', reply: { result: { ok: true, value: 0 } } },
      { kind: 'reply', reply: { version: 1, fdsHeld: 0 } },
      // It closes only what it opened: not its own stdout.
      { kind: 'reply', reply: { result: { ok: false, errno: 'EBADF' } } },
    ]);
    await client.close();
  });

  it('refuses to load with a BTF fd it did not open', async () => {
    const client = new ExecutorClient({ path: executorPath });
    const exchange = await client.request({
      op: 'prog-load',
      btfFd: 0,
      insns: new Uint8Array(8),
      funcInfo: new Uint8Array(8),
      logLevel: 0,
      logSize: 0,
    });
    expect(exchange).toEqual({
      kind: 'reply',
      reply: { result: { ok: false, errno: 'EBADF' }, verifiedInsns: 0, log: '' },
    });
    await client.close();
  });

  it('an executor killed mid-request: the request is a crash fault, the next one gets a new executor', async () => {
    const client = new ExecutorClient({ path: executorPath });
    expect(await client.request({ op: 'ping' })).toMatchObject({ kind: 'reply' });
    const first = client.pid;
    const pending = client.request({ op: 'sleep', ms: 10_000 });
    await new Promise((r) => setTimeout(r, 50));
    process.kill(first!, 'SIGKILL');
    expect(await pending).toMatchObject({
      kind: 'fault',
      fault: { kind: 'crash', op: 'sleep', signal: 'SIGKILL' },
    });
    expect(await client.request({ op: 'ping' })).toEqual({
      kind: 'reply',
      reply: { version: 1, fdsHeld: 0 },
    });
    expect(client.pid).not.toBe(first);
    expect(client.starts).toBe(2);
    await client.close();
  });

  it('a request that hangs past its timeout is a timeout fault; the executor is replaced', async () => {
    const client = new ExecutorClient({ path: executorPath, timeoutMs: 100 });
    expect(await client.request({ op: 'sleep', ms: 5_000 })).toEqual({
      kind: 'fault',
      fault: { kind: 'timeout', op: 'sleep', ms: 100 },
    });
    expect(await client.request({ op: 'sleep', ms: 10 }, 1_000)).toMatchObject({ kind: 'reply' });
    expect(client.starts).toBe(2);
    await client.close();
  });

  it('exits when its client closes it', async () => {
    const client = new ExecutorClient({ path: executorPath });
    await client.request({ op: 'ping' });
    const pid = client.pid!;
    await client.close();
    expect(() => process.kill(pid, 0)).toThrow();
    expect(client.pid).toBeNull();
  });
});

const live = await liveKernel('executor primitives');

describe.skipIf(live.skipReason)('the executor primitives against the live kernel', () => {
  it('btf-load, prog-load, test-run and close, step by step; the final ctx comes back', async () => {
    const { executor } = live.session!;
    // *(u8 *)(r1 +0) = 0x2a; r0 = 5; exit
    const program = makeProgram([
      { kind: 'st', size: 1, dst: 1, off: 0, imm: 0x2a },
      { kind: 'alu', width: 64, op: 'mov', dst: 0, src: { kind: 'imm', imm: 5 } },
      { kind: 'exit' },
    ]);
    const { btf, funcInfo } = buildProgramBtf(program);
    const btfLoad = await executor.request({ op: 'btf-load', btf, logLevel: 0, logSize: 0 });
    if (btfLoad.kind !== 'reply' || !btfLoad.reply.result.ok) return expect.fail(JSON.stringify(btfLoad));
    const btfFd = btfLoad.reply.result.value;
    const load = await executor.request({
      op: 'prog-load',
      btfFd,
      insns: encode(program.insns),
      funcInfo,
      logLevel: 1,
      logSize: 1 << 16,
    });
    if (load.kind !== 'reply' || !load.reply.result.ok) return expect.fail(JSON.stringify(load));
    const progFd = load.reply.result.value;
    // verified_insns and the log's count agree
    expect(load.reply.verifiedInsns).toBe(3);
    expect(load.reply.log).toMatch(/^processed 3 insns /m);
    expect(await executor.request({ op: 'ping' })).toEqual({
      kind: 'reply',
      reply: { version: 1, fdsHeld: 2 },
    });
    const run = await executor.request({ op: 'test-run', progFd, ctx: new Uint8Array(4) });
    expect(run).toEqual({
      kind: 'reply',
      reply: { result: { ok: true, value: 0 }, retval: 5, ctx: Uint8Array.from([0x2a, 0, 0, 0]) },
    });
    for (const fd of [progFd, btfFd]) {
      expect(await executor.request({ op: 'close', fd })).toEqual({
        kind: 'reply',
        reply: { result: { ok: true, value: 0 } },
      });
    }
    expect(await executor.request({ op: 'ping' })).toEqual({
      kind: 'reply',
      reply: { version: 1, fdsHeld: 0 },
    });
  });
});
