/**
 * SPEC §8's safety rules, enforced in code: the executor can only load sleepable SYSCALL programs, test-run
 * and close; the engine test-runs nothing its safety check declines, and closes every fd it opens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { checkWithKernel, runDecision } from '../../../src/engines/kernel/index.js';
import type { Exchange, Executor } from '../../../src/engines/kernel/executor-client.js';
import type { ExecutorOp, ExecutorReply, ExecutorRequest } from '../../../src/engines/kernel/protocol.js';
import { liveKernel } from './live.js';

type CheckRequest = Extract<ExecutorRequest, { op: 'check' }>;

const root = join(import.meta.dirname, '../../..');
const corpus = (name: string): string => readFileSync(join(root, 'corpus/kernel', `${name}.s`), 'utf8');
const program = (text: string) => parseProgram(text);

describe('the safety check (runDecision)', () => {
  it('declines a program that opens an RCU or preempt region anywhere', () => {
    for (const name of ['rcu-closed-before-throw', 'preempt-nested-balanced', 'rcu-open-at-exit']) {
      const d = runDecision(program(corpus(name)));
      expect(d.run, name).toBe(false);
    }
    expect(
      runDecision(
        program('    call bpf_rcu_read_lock\n    call bpf_rcu_read_unlock\n    r0 = 0\n    exit\n'),
      ),
    ).toEqual({
      run: false,
      reason: 'insn 0 opens an RCU region (bpf_rcu_read_lock); not test-run',
    });
  });

  it('declines a program that acquires a reference and calls a global subprogram, in any order', () => {
    expect(runDecision(program(corpus('ref-across-throwing-global')))).toMatchObject({ run: false });
    expect(runDecision(program(corpus('ref-across-quiet-global')))).toMatchObject({ run: false });
    // The acquire inside the global, after the call site.
    const inGlobal = program(
      '    r1 = 0\n    call g\n    r0 = 0\n    exit\n.func g global args=1\n    call bpf_cpumask_create\n    if r0 == 0x0 goto o\n    r1 = r0\n    call bpf_cpumask_release\no:\n    r0 = 0\n    exit\n',
    );
    expect(runDecision(inGlobal)).toMatchObject({ run: false });
  });

  it('lets the rest run: static calls with references, globals without them, callbacks', () => {
    for (const name of [
      'ref-returned-from-static',
      'ref-released-before-throw',
      'throw-global-subprog',
      'loop-callback-count',
      'nested-static-throws',
    ]) {
      expect(runDecision(program(corpus(name))), name).toEqual({ run: true });
    }
  });
});

describe('the executor can do nothing but load, test-run and close', () => {
  const source = readFileSync(join(root, 'native/executor.c'), 'utf8');

  it('issues only BTF_LOAD, PROG_LOAD, PROG_TEST_RUN and OBJ_GET_INFO_BY_FD', () => {
    const commands = [...source.matchAll(/sys_bpf\((\w+),/g)].map((m) => m[1]);
    expect(new Set(commands)).toEqual(
      new Set(['CMD_BTF_LOAD', 'CMD_PROG_LOAD', 'CMD_PROG_TEST_RUN', 'CMD_OBJ_GET_INFO_BY_FD']),
    );
    const defined = Object.fromEntries(
      [...source.matchAll(/#define (CMD_\w+) (\d+)/g)].map((m): [string, number] => [m[1]!, Number(m[2])]),
    );
    // enum bpf_cmd: BPF_PROG_LOAD 5, BPF_PROG_TEST_RUN 10, BPF_OBJ_GET_INFO_BY_FD 15, BPF_BTF_LOAD 18
    expect(defined).toEqual({
      CMD_PROG_LOAD: 5,
      CMD_PROG_TEST_RUN: 10,
      CMD_OBJ_GET_INFO_BY_FD: 15,
      CMD_BTF_LOAD: 18,
    });
    expect(source).not.toMatch(/\b(BPF_)?(LINK_CREATE|OBJ_PIN|PROG_ATTACH|RAW_TRACEPOINT_OPEN|MAP_CREATE)\b/);
    expect(source).not.toMatch(/\b(execve?|fork|system|popen)\s*\(/);
  });

  it('loads every program as sleepable BPF_PROG_TYPE_SYSCALL, whatever the request says', () => {
    expect(source).toMatch(/#define PROG_TYPE_SYSCALL 31\b/);
    expect(source).toMatch(/#define F_SLEEPABLE \(1u << 4\)/);
    expect([...source.matchAll(/put_u32\(attr \+ PL_PROG_TYPE, (\w+)\)/g)].map((m) => m[1])).toEqual([
      'PROG_TYPE_SYSCALL',
    ]);
    expect([...source.matchAll(/put_u32\(attr \+ PL_PROG_FLAGS, (\w+)\)/g)].map((m) => m[1])).toEqual([
      'F_SLEEPABLE',
    ]);
  });
});

const live = await liveKernel('kernel safety');

describe.skipIf(live.skipReason)('the engine against the live kernel', () => {
  /** An executor that records the check requests sent through it and the replies. */
  function recording(): { executor: Executor; sent: CheckRequest[]; replies: ExecutorReply<'check'>[] } {
    const sent: CheckRequest[] = [];
    const replies: ExecutorReply<'check'>[] = [];
    const inner = live.session!.executor;
    const executor: Executor = {
      async request<O extends ExecutorOp>(
        req: ExecutorRequest & { readonly op: O },
        timeoutMs?: number,
      ): Promise<Exchange<O>> {
        const exchange = await inner.request<O>(req, timeoutMs);
        if (req.op === 'check') {
          sent.push(req as CheckRequest);
          if (exchange.kind === 'reply') replies.push(exchange.reply as ExecutorReply<'check'>);
        }
        return exchange;
      },
    };
    return { executor, sent, replies };
  }

  it('loads but never test-runs a program the safety check declines', async () => {
    const { executor, sent, replies } = recording();
    const result = await checkWithKernel(program(corpus('ref-across-throwing-global')), {
      executor,
      kfuncIds: live.session!.kfuncIds,
    });
    expect(result).toMatchObject({ status: 'accepted', run: { status: 'declined' } });
    expect(sent.map((r) => r.ctxs.length)).toEqual([0]);
    expect(replies.map((r) => [r.result.ok, r.runs.length])).toEqual([[true, 0]]);
  });

  it('closes every fd it opens, accepted or rejected', async () => {
    const { executor, sent } = recording();
    for (const name of [
      'throw-main-cookie',
      'ref-held-at-throw',
      'func-info-mismatch',
      'rcu-closed-before-throw',
    ]) {
      await checkWithKernel(program(corpus(name)), { executor, kfuncIds: live.session!.kfuncIds });
    }
    expect(sent).toHaveLength(4);
    const ping = await live.session!.executor.request({ op: 'ping' });
    expect(ping).toEqual({ kind: 'reply', reply: { version: 1, fdsHeld: 0 } });
  });
});
