/**
 * bpf_prog_load's size limit through the kernel engine: more than BPF_COMPLEXITY_LIMIT_INSNS slots is
 * E2BIG before verification, with no log; the engine asks the kernel (the executor sends any size its
 * frame holds) and words the answer as the path-explorer does. The subprogram limit is in the corpus
 * (corpus/kernel/subprogs-256.s, subprogs-257.s).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Insn } from '../../../src/bpf/insn.js';
import { makeProgram, type Program } from '../../../src/bpf/program.js';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { checkWithKernel } from '../../../src/engines/kernel/check.js';
import type { Exchange, Executor } from '../../../src/engines/kernel/executor-client.js';
import {
  encodeRequest,
  MAX_REQUEST_BYTES,
  ProtocolError,
  type ExecutorOp,
  type ExecutorRequest,
} from '../../../src/engines/kernel/protocol.js';
import { verify } from '../../../src/engines/path-explorer/index.js';
import { liveKernel } from './live.js';

const root = join(import.meta.dirname, '../../..');
const MESSAGE = 'too many insns: 1000001 (limit 1000000; bpf_prog_load answers E2BIG with no log)';

function straightLine(n: number): Program {
  const insns = new Array<Insn>(n).fill({
    kind: 'alu',
    op: 'mov',
    width: 64,
    dst: 0,
    src: { kind: 'imm', imm: 0 },
  });
  insns.push({ kind: 'exit' });
  return makeProgram(insns);
}

describe('the size limit without a kernel', () => {
  it('E2BIG with an empty log on an oversized program is the size limit, class too-complex', async () => {
    const sent: number[] = [];
    const executor: Executor = {
      request: <O extends ExecutorOp>(req: ExecutorRequest & { readonly op: O }): Promise<Exchange<O>> => {
        if (req.op === 'check')
          sent.push((req as Extract<ExecutorRequest, { op: 'check' }>).insns.length / 8);
        const reply = {
          result: { ok: false, errno: 'E2BIG' },
          stage: 'prog',
          verifiedInsns: 0,
          explained: 'rejected',
          runs: [],
          log: '',
        };
        return Promise.resolve({ kind: 'reply', reply } as unknown as Exchange<O>);
      },
    };
    const r = await checkWithKernel(straightLine(1_000_000), { executor, kfuncIds: new Map() });
    expect(sent).toEqual([1_000_001]); // asked the kernel
    expect(r).toEqual({
      status: 'rejected',
      class: 'too-complex',
      message: MESSAGE,
      errno: 'E2BIG',
      insnsProcessed: null,
      logTail: [],
    });
  });

  it('a request larger than the executor reads is refused before it is sent', () => {
    const req = { op: 'test-run', progFd: 3, ctx: new Uint8Array(MAX_REQUEST_BYTES) } as const;
    expect(() => encodeRequest(req)).toThrow(ProtocolError);
  });
});

const live = await liveKernel('kernel limits');

describe.skipIf(live.skipReason)('the size limit, asked of the live kernel', () => {
  it('1,000,001 instructions: E2BIG, too-complex, the path-explorer message', async () => {
    const program = straightLine(1_000_000);
    const k = await checkWithKernel(program, live.session!);
    expect(k).toMatchObject({ status: 'rejected', class: 'too-complex', message: MESSAGE, errno: 'E2BIG' });
    const v = verify(program, { profile: 'mainline', quirks: [] }).verdict;
    expect(v).toMatchObject({ accepted: false, class: 'too-complex', message: MESSAGE });
  }, 60_000);

  it('unreachable code: the kernel says `unreachable insn 2`, the words the path-explorer prints', async () => {
    const file = join(root, 'test/engines/kernel/fixtures/programs/unreachable.s');
    const program = parseProgram(readFileSync(file, 'utf8'), file);
    const k = await checkWithKernel(program, live.session!);
    expect(k).toMatchObject({ status: 'rejected', class: 'structure', message: 'unreachable insn 2' });
    expect(verify(program, { profile: 'mainline', quirks: [] }).verdict).toMatchObject({
      message: 'unreachable insn 2',
      insn: 2,
    });
  });
});
