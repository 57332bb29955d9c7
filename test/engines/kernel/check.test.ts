/**
 * checkWithKernel's logic against a scripted executor: what it sends, how it reads the reply, faults and
 * what is not applicable. The live kernel's answers are in corpus.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { checkWithKernel } from '../../../src/engines/kernel/check.js';
import type { Exchange, Executor, ExecutorFault } from '../../../src/engines/kernel/executor-client.js';
import type { ExecutorOp, ExecutorReply, ExecutorRequest } from '../../../src/engines/kernel/protocol.js';

type CheckRequest = Extract<ExecutorRequest, { op: 'check' }>;
type CheckReply = ExecutorReply<'check'>;

/** An executor that answers `check` with `answer` and records what it was sent. */
function scripted(answer: (req: CheckRequest) => Exchange<'check'>): {
  executor: Executor;
  sent: CheckRequest[];
} {
  const sent: CheckRequest[] = [];
  const executor: Executor = {
    request: <O extends ExecutorOp>(req: ExecutorRequest & { readonly op: O }): Promise<Exchange<O>> => {
      if (req.op !== 'check') throw new Error(`the engine sends check requests only, not ${req.op}`);
      sent.push(req as CheckRequest);
      return Promise.resolve(answer(req as CheckRequest) as unknown as Exchange<O>);
    },
  };
  return { executor, sent };
}

const reply = (r: Partial<CheckReply>): Exchange<'check'> => ({
  kind: 'reply',
  reply: {
    result: { ok: true, value: 0 },
    stage: 'prog',
    verifiedInsns: 3,
    explained: 'none',
    runs: [],
    log: '',
    ...r,
  },
});
/** The kernel as the script sees it: accepted, each input returns 7 and leaves its ctx as it was. */
const accepting = (req: CheckRequest): Exchange<'check'> =>
  reply({ runs: req.ctxs.map((ctx) => ({ result: { ok: true, value: 0 }, retval: 7, ctx })) });
const crash: ExecutorFault = { kind: 'crash', op: 'check', exitCode: null, signal: 'SIGKILL', stderr: '' };
const kfuncIds = new Map([['bpf_throw', 65988]]);

const throwing = parseProgram(
  '.ctx 8\n.input ctx=0100000000000000\n.input ctx=0200000000000000\n    r1 = 7\n    call bpf_throw\n    exit\n',
);

describe('checkWithKernel', () => {
  it('an accepted program: one request with the real kfunc id, its inputs and a log level to explain with', async () => {
    const { executor, sent } = scripted(accepting);
    expect(await checkWithKernel(throwing, { executor, kfuncIds })).toEqual({
      status: 'accepted',
      insnsProcessed: 3,
      run: {
        status: 'ran',
        outcomes: [
          { input: '0100000000000000', retval: 7, ctx: '0100000000000000' },
          { input: '0200000000000000', retval: 7, ctx: '0200000000000000' },
        ],
      },
    });
    expect(sent).toHaveLength(1);
    const req = sent[0]!;
    expect(req).toMatchObject({ explainLogLevel: 1, logSize: 4 << 20, ctxSize: 8 });
    expect(req.ctxs.map((c) => Buffer.from(c).toString('hex'))).toEqual([
      '0100000000000000',
      '0200000000000000',
    ]);
    // call bpf_throw: code 0x85, src_reg 2 (kfunc), imm = the kernel's id, 65988 = 0x101c4
    expect(Buffer.from(req.insns.subarray(8, 16)).toString('hex')).toBe('85200000c4010100');
  });

  it('a declined program is loaded with no input to run', async () => {
    const { executor, sent } = scripted(accepting);
    const program = parseProgram(
      '    call bpf_rcu_read_lock\n    call bpf_rcu_read_unlock\n    r0 = 0\n    exit\n',
    );
    const ids = new Map([...kfuncIds, ['bpf_rcu_read_lock', 1], ['bpf_rcu_read_unlock', 2]]);
    expect(await checkWithKernel(program, { executor, kfuncIds: ids })).toMatchObject({
      status: 'accepted',
      run: { status: 'declined', reason: expect.stringContaining('RCU') as string },
    });
    expect(sent[0]!.ctxs).toEqual([]);
  });

  it('a rejected program: message, class and count from the explaining log', async () => {
    const log =
      '0: (85) call bpf_throw#65988\nR1 !read_ok\nprocessed 1 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n';
    const { executor } = scripted(() =>
      reply({ result: { ok: false, errno: 'EACCES' }, verifiedInsns: 0, explained: 'rejected', log }),
    );
    expect(await checkWithKernel(throwing, { executor, kfuncIds })).toEqual({
      status: 'rejected',
      class: 'uninit',
      message: 'R1 !read_ok',
      errno: 'EACCES',
      insnsProcessed: 1,
      logTail: log.trim().split('\n'),
    });
  });

  it('a rejection with an empty log is unclassified, with a message that says so', async () => {
    const { executor } = scripted(() =>
      reply({ result: { ok: false, errno: 'E2BIG' }, explained: 'rejected' }),
    );
    expect(await checkWithKernel(throwing, { executor, kfuncIds })).toMatchObject({
      status: 'rejected',
      class: 'unclassified',
      message: 'bpf(BPF_PROG_LOAD) failed with E2BIG and an empty log',
      insnsProcessed: null,
    });
  });

  it('a BTF the kernel refuses, or a verdict that changes with the log level, is a harness error', async () => {
    const btf = scripted(() =>
      reply({
        result: { ok: false, errno: 'EINVAL' },
        stage: 'btf',
        log: '[3] FUNC a.b type_id=2 Invalid name\n',
      }),
    );
    expect(await checkWithKernel(throwing, { executor: btf.executor, kfuncIds })).toEqual({
      status: 'error',
      stage: 'btf-load',
      detail: 'bpf(BPF_BTF_LOAD) failed with EINVAL: [3] FUNC a.b type_id=2 Invalid name',
    });
    const flaky = scripted(() => reply({ result: { ok: false, errno: 'EINVAL' }, explained: 'accepted' }));
    expect(await checkWithKernel(throwing, { executor: flaky.executor, kfuncIds })).toMatchObject({
      status: 'error',
      stage: 'explain',
    });
  });

  it('an executor fault is a result, not an exception', async () => {
    const { executor } = scripted(() => ({ kind: 'fault', fault: crash }));
    expect(await checkWithKernel(throwing, { executor, kfuncIds })).toEqual({
      status: 'fault',
      stage: 'check',
      fault: crash,
    });
  });

  it('a test-run the kernel refuses is reported with its errno, after the runs before it', async () => {
    const { executor } = scripted((req) =>
      reply({
        runs: [
          { result: { ok: true, value: 0 }, retval: 7, ctx: req.ctxs[0]! },
          { result: { ok: false, errno: 'EINVAL' }, retval: 0, ctx: new Uint8Array(0) },
        ],
      }),
    );
    expect(await checkWithKernel(throwing, { executor, kfuncIds })).toMatchObject({
      status: 'accepted',
      run: {
        status: 'failed',
        input: '0200000000000000',
        errno: 'EINVAL',
        outcomes: [{ input: '0100000000000000' }],
      },
    });
  });

  it('without inputs, runs one all-zero ctx of the program ctx size', async () => {
    const { executor, sent } = scripted(accepting);
    await checkWithKernel(parseProgram('.ctx 3\n    r0 = 0\n    exit\n'), { executor, kfuncIds });
    expect(sent[0]!.ctxs.map((c) => [...c])).toEqual([[0, 0, 0]]);
  });

  it('what the live kernel cannot check says so, without touching the executor', async () => {
    const { executor, sent } = scripted(accepting);
    const check = (text: string) => checkWithKernel(parseProgram(text), { executor, kfuncIds });
    expect(await check('.kind ext\n    r0 = 0\n    exit\n')).toMatchObject({ status: 'not-applicable' });
    expect(await check('.profile rfc\n    r0 = 0\n    exit\n')).toMatchObject({ status: 'not-applicable' });
    expect(await check('    call bpf_preempt_disable\n    r0 = 0\n    exit\n')).toEqual({
      status: 'error',
      stage: 'encode',
      detail: "kfunc bpf_preempt_disable is not in this kernel's BTF",
    });
    // A kfunc known only by another kernel's id (decoded bytecode) could be any kernel function here.
    expect(await check('    call kfunc#66008\n    r0 = 0\n    exit\n')).toEqual({
      status: 'not-applicable',
      reason: 'calls kfunc#66008, which the model does not know; only modelled kfuncs are loaded',
    });
    expect(sent).toEqual([]);
  });
});

describe('checkWithKernel with noRun', () => {
  it('loads a program the engine would run, and declines to run it with the given reason', async () => {
    const { executor, sent } = scripted(accepting);
    const result = await checkWithKernel(throwing, { executor, kfuncIds }, { noRun: 'a model rejects it' });
    expect(result).toEqual({
      status: 'accepted',
      insnsProcessed: 3,
      run: { status: 'declined', reason: 'a model rejects it' },
    });
    expect(sent.map((r) => r.ctxs.length)).toEqual([0]);
  });
});
