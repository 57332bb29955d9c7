/** The interpreter on small programs: memory, pointers, kernel functions, and every fault kind. */
import { describe, expect, it } from 'vitest';
import { makeProgram } from '../../src/bpf/program.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import type { RunOutcome } from '../../src/bpf/result.js';
import { runOnce, type RunOptions } from '../../src/runtime/run.js';

function run(text: string, options: Partial<RunOptions> = {}, ctx = new Uint8Array(16)): RunOutcome {
  return runOnce(parseProgram(`.ctx ${ctx.length}\n${text}`, 'test.s'), ctx, options);
}

describe('memory', () => {
  it('reads and writes ctx little-endian in every size, and reports the final ctx', () => {
    const o = run(
      `r2 = *(u32 *)(r1 +0)
      *(u16 *)(r1 +4) = r2
      *(u8 *)(r1 +6) = 0xab
      *(u64 *)(r1 +8) = -2
      r0 = *(u64 *)(r1 +8)
      exit`,
      {},
      Uint8Array.from([1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    );
    expect(o.ctx).toBe('010203040102ab00feffffffffffffff');
    expect(o.retval).toBe('18446744073709551614');
  });

  it('spills a register to the stack and fills it back', () => {
    const o = run(`r2 = 0x1234 ll
      *(u64 *)(r10 -8) = r2
      r0 = *(u32 *)(r10 -8)
      exit`);
    expect(o.retval).toBe(String(0x1234));
    expect(o.indeterminate).toBe(false);
  });

  it('marks a read of never-written stack as indeterminate (SPEC §3), not as a fault', () => {
    const o = run(`r0 = *(u64 *)(r10 -16)
      r0 = 0
      exit`);
    expect(o).toMatchObject({ retval: '0', fault: null, indeterminate: true });
  });

  it('faults on ctx and stack accesses out of bounds', () => {
    expect(run(`r0 = *(u32 *)(r1 +14)\nexit`).fault).toMatchObject({ kind: 'out-of-bounds', pc: 0 });
    expect(run(`*(u64 *)(r10 -520) = 1\nr0 = 0\nexit`).fault?.kind).toBe('out-of-bounds');
    expect(run(`*(u8 *)(r10 +0) = 1\nr0 = 0\nexit`).fault?.kind).toBe('out-of-bounds');
  });

  it('lets a callee write its caller stack through a pointer, and faults on a stale one', () => {
    const ok = run(`r1 = r10
      r1 += -8
      call put
      r0 = *(u64 *)(r10 -8)
      exit
      .func put static args=1
      *(u64 *)(r1 +0) = 77
      r0 = 0
      exit`);
    expect(ok.retval).toBe('77');
    const stale = run(`r1 = r10
      r1 += -8
      call leak
      r1 = *(u64 *)(r10 -8)
      r0 = *(u64 *)(r1 +0)
      exit
      .func leak static args=1
      r2 = r10
      r2 += -16
      *(u64 *)(r1 +0) = r2
      r0 = 0
      exit`);
    expect(stale.fault).toMatchObject({ kind: 'out-of-bounds', pc: 4 });
  });

  it('keeps a spilled pointer alive and restores it on an 8-byte fill', () => {
    const o = run(
      `*(u64 *)(r10 -8) = r1
      r1 = 0
      r2 = *(u64 *)(r10 -8)
      r0 = *(u8 *)(r2 +3)
      exit`,
      {},
      Uint8Array.from({ length: 16 }, (_, i) => i),
    );
    expect(o.retval).toBe('3');
  });

  it('faults when part of a spilled pointer is read as a scalar', () => {
    const o = run(`*(u64 *)(r10 -8) = r1\nr0 = *(u32 *)(r10 -8)\nexit`);
    expect(o.fault?.kind).toBe('bad-pointer');
  });
});

describe('faults are outcomes', () => {
  it('uninitialised register read', () => {
    expect(run('r0 = r3\nexit').fault).toMatchObject({ kind: 'uninit-register', pc: 0 });
    expect(run('exit').fault).toMatchObject({ kind: 'uninit-register', pc: 0 });
  });

  it('calls clobber R1-R5 (the verifier marks them NOT_INIT)', () => {
    expect(run('r2 = 1\ncall bpf_get_prandom_u32\nr0 = r2\nexit').fault?.kind).toBe('uninit-register');
  });

  it('R6-R9 survive a subprogram call; the callee does not see them', () => {
    expect(run('r6 = 4\ncall f\nr0 += r6\nexit\n.func f static\nr0 = 1\nexit').retval).toBe('5');
    expect(run('r6 = 4\ncall f\nexit\n.func f static\nr0 = r6\nexit').fault?.kind).toBe('uninit-register');
  });

  it('a global only sees the arguments of its prototype', () => {
    const text = (args: number) => `r1 = 1\nr2 = 2\ncall g\nexit\n.func g global args=${args}\nr0 = r2\nexit`;
    expect(run(text(2)).retval).toBe('2');
    expect(run(text(1)).fault?.kind).toBe('uninit-register');
  });

  it('use after release', () => {
    const o = run(`call bpf_cpumask_create
      r6 = r0
      r1 = r6
      call bpf_cpumask_release
      r1 = r6
      call bpf_cpumask_release
      r0 = 0
      exit`);
    expect(o.fault).toMatchObject({ kind: 'use-after-release', pc: 5 });
    expect(o.events).toEqual(['bpf_cpumask_create() = ref#1', 'bpf_cpumask_release(ref#1)']);
  });

  it('fuel exhausted', () => {
    const o = run(
      `r1 = 1000
      r2 = cb ll
      r3 = 0
      r4 = 0
      call bpf_loop
      exit
      .func cb static args=2
      r0 = 0
      exit`,
      { fuel: 500 },
    );
    expect(o.fault?.kind).toBe('fuel-exhausted');
    expect(o.retval).toBeNull();
  });

  it('leaving the program, and the second slot of ld_imm64', () => {
    expect(run('r0 = 0').fault).toMatchObject({ kind: 'bad-insn', pc: 1 });
    // The text form refuses a jump into ld_imm64; the encoding does not.
    const program = makeProgram([
      { kind: 'ja', off: 1 },
      { kind: 'lddw', dst: 0, lo: 0, hi: 1 },
      { kind: 'exit' },
    ]);
    expect(runOnce(program, new Uint8Array(64)).fault).toMatchObject({ kind: 'bad-insn', pc: 2 });
  });

  it('writing r10', () => {
    expect(run('r10 = 0\nr0 = 0\nexit').fault).toMatchObject({
      kind: 'bad-insn',
      pc: 0,
      message: 'r10 is read only',
    });
  });

  it('more than 8 frames', () => {
    expect(run('call f\nexit\n.func f static\ncall f\nexit').fault?.kind).toBe('call-depth');
  });

  it('unmatched unlock and enable', () => {
    expect(run('call bpf_rcu_read_unlock\nr0 = 0\nexit').fault?.kind).toBe('bad-call');
    expect(run('call bpf_preempt_enable\nr0 = 0\nexit').fault?.kind).toBe('bad-call');
  });
});

describe('kernel functions', () => {
  it('cpumask references: NULL on the chosen creates, held when never released', () => {
    const text = `call bpf_cpumask_create
      if r0 == 0x0 goto skip
      r6 = r0
      call bpf_cpumask_create
      r0 = 0
      exit
      skip:
      r0 = 1
      exit`;
    expect(run(text)).toMatchObject({ retval: '0', held: { refs: [1, 2], rcu: 0, preempt: 0 } });
    expect(run(text, { nullCreates: [1] })).toMatchObject({
      retval: '1',
      events: ['bpf_cpumask_create() = NULL'],
      held: { refs: [] },
    });
  });

  it('RCU and preempt regions nest and are reported when left open', () => {
    const o = run(`call bpf_preempt_disable
      call bpf_preempt_disable
      call bpf_rcu_read_lock
      call bpf_preempt_enable
      r0 = 0
      exit`);
    expect(o.held).toEqual({ refs: [], rcu: 1, preempt: 1 });
  });

  it('bpf_loop passes (index, ctx), stops when the callback returns 1, and returns the count', () => {
    const text = (stopAt: number) => `r1 = 10
      r2 = cb ll
      r3 = r10
      r3 += -8
      *(u64 *)(r10 -8) = 0
      r4 = 0
      call bpf_loop
      r1 = *(u64 *)(r10 -8)
      r1 <<= 8
      r0 |= r1
      exit
      .func cb static args=2
      r3 = *(u64 *)(r2 +0)
      r3 += r1
      *(u64 *)(r2 +0) = r3
      r0 = 0
      if r1 != ${stopAt} goto +1
      r0 = 1
      exit`;
    // sum of indices 0..9 = 45, count 10
    expect(run(text(99)).retval).toBe(String((45 << 8) | 10));
    // stops after index 3: sum 0+1+2+3 = 6, returns i+1 = 4
    expect(run(text(3)).retval).toBe(String((6 << 8) | 4));
  });

  it('bpf_loop rejects flags and too many iterations as the kernel does', () => {
    const text = (nr: string, flags: number) =>
      `r1 = ${nr}\nr2 = cb ll\nr3 = 0\nr4 = ${flags}\ncall bpf_loop\nexit\n.func cb static args=2\nr0 = 0\nexit`;
    expect(run(text('1', 1)).retval).toBe(String(2n ** 64n - 22n));
    expect(run(text('0x800001', 0)).retval).toBe(String(2n ** 64n - 7n));
    expect(run(text('0', 0)).retval).toBe('0');
  });

  it('prandom and ktime come from the seed: same seed same values, another seed other values', () => {
    const text = 'call bpf_get_prandom_u32\nr6 = r0\ncall bpf_ktime_get_ns\nr0 ^= r6\nexit';
    const a = run(text, { seed: 'a' });
    expect(run(text, { seed: 'a' })).toEqual(a);
    expect(run(text, { seed: 'b' }).retval).not.toBe(a.retval);
    expect(a.events).toHaveLength(2);
  });

  it('bpf_throw: reference mode unwinds with the cookie; instrumented mode records it and returns', () => {
    const text = 'r1 = 7\ncall f\nexit\n.func f static args=1\ncall bpf_throw\nr0 = 3\nexit';
    expect(run(text)).toMatchObject({ retval: '7', thrown: true, cookie: '7', unwound: ['f', 'main'] });
    expect(run(text, { mode: 'instrumented' })).toMatchObject({
      retval: '3',
      thrown: null,
      slotAfter: { thrown: true, cookie: '7' },
    });
  });

  it('bpf_reset_exception returns the cookie under mainline and 0 under rfc', () => {
    const text = 'r1 = 7\ncall bpf_throw\ncall bpf_reset_exception\nexit';
    expect(run(text, { mode: 'instrumented' })).toMatchObject({ retval: '7', slotAfter: { thrown: false } });
    expect(run(`.profile rfc\n${text}`, { mode: 'instrumented' }).retval).toBe('0');
  });
});

describe('program kinds', () => {
  it('an ext program gets its arguments in R1..Rn (the input as u64 words), and the entry reset clobbers them', () => {
    const args = Uint8Array.from([5, 0, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
    const body = 'r0 = r1\nr0 += r2\nexit';
    const ext = (text: string) =>
      runOnce(parseProgram(`.kind ext\n.ctx 16\n.func main global args=2\n${text}`, 'ext.s'), args);
    expect(ext(body).retval).toBe('11');
    // seed-entry-clobber: the entry reset of SPEC §5 step 1 applied to an ext program.
    const clobbered = ext(`r6 = r1\ncall bpf_reset_exception\nr1 = r6\n${body}`);
    expect(clobbered.fault).toMatchObject({ kind: 'uninit-register', pc: 4 });
  });
});
