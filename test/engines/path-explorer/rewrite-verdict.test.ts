/**
 * Rewrite validity: the SPEC §5 rewrite verified again as it runs instrumented (rewriteVerdict, verify's
 * `instrumented` option). The instrumentation helpers are modelled as SPEC §2 says; bpf_throw returns.
 * The boundary: a subprogram that uses all 512 bytes of stack and makes a marked call gets its callsite
 * slot at r10 -520 (rejected, class stack, and its instrumented run faults out of bounds); at 504 bytes
 * the slot is r10 -512 (accepted, and the instrumented run equals the original's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/bpf/profile.js';
import type { Program } from '../../../src/bpf/program.js';
import { rewriteProgram } from '../../../src/bpf/rewrite.js';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { pathExplorer, rewriteVerdict, verify } from '../../../src/engines/path-explorer/index.js';
import { compareOutcomes } from '../../../src/runtime/compare.js';
import { runProgram } from '../../../src/runtime/run.js';

const root = join(import.meta.dirname, '../../../corpus');
const load = (rel: string): Program => parseProgram(readFileSync(join(root, rel), 'utf8'), rel);

function verdictOf(p: Program): ReturnType<typeof rewriteVerdict> {
  const r = verify(p, { profile: p.profile, quirks: [] });
  expect(r.verdict).toEqual({ accepted: true });
  return rewriteVerdict(p, r.facts!, { profile: p.profile, quirks: [] });
}

describe('the stack slot of a marked call (SPEC §5 step 3)', () => {
  for (const name of ['rewrite-stack-512-main', 'rewrite-stack-512-static']) {
    it(`${name}: the slot r10 -520 is out of the frame; the rewrite is rejected and its run faults`, () => {
      const p = load(`kernel/${name}.s`);
      expect(verdictOf(p)).toMatchObject({
        accepted: false,
        class: 'stack',
        message: 'invalid write to stack R10 off=-520 size=8',
      });
      const facts = verify(p, { profile: p.profile, quirks: [] }).facts!;
      for (const o of runProgram(rewriteProgram(p, facts, p.profile, []), { mode: 'instrumented' })) {
        expect(o.fault).toMatchObject({ kind: 'out-of-bounds' });
      }
    });
  }

  it('rewrite-stack-504-main: the slot r10 -512 is the last of the frame; accepted, and it runs as the original', () => {
    const p = load('kernel/rewrite-stack-504-main.s');
    expect(verdictOf(p)).toEqual({ accepted: true });
    const facts = verify(p, { profile: p.profile, quirks: [] }).facts!;
    const reference = runProgram(p);
    const instrumented = runProgram(rewriteProgram(p, facts, p.profile, []), { mode: 'instrumented' });
    expect(reference.some((o) => o.thrown)).toBe(true);
    reference.forEach((o, i) => {
      expect(compareOutcomes(o, instrumented[i]!)).toEqual([]);
    });
  });
});

/** Verifies a small program as a rewrite (instrumented) or as an original. */
function check(text: string, profile: Profile, instrumented = true) {
  return verify(parseProgram(`.profile ${profile}\n${text}`), { profile, quirks: [], instrumented }).verdict;
}

/** Explores `leak` (an RCU region left open at exit) only when the condition on R0 can hold. */
const probe = (call: string, cond: string): string => `${call}
  if ${cond} goto leak
  r0 = 0
  exit
leak:
  call bpf_rcu_read_lock
  r0 = 0
  exit`;

describe('the instrumentation helpers in a rewrite (SPEC §2)', () => {
  it('bpf_get_exception returns 0 or 1', () => {
    expect(check(probe('call bpf_get_exception', 'r0 > 0x1'), 'mainline')).toEqual({ accepted: true });
    expect(check(probe('call bpf_get_exception', 'r0 == 0x1'), 'mainline')).toMatchObject({
      accepted: false,
      class: 'region-open',
    });
  });

  it('bpf_reset_exception returns an unknown scalar under mainline (the cookie) and 0 under rfc', () => {
    expect(check(probe('call bpf_reset_exception', 'r0 > 0x1'), 'mainline')).toMatchObject({
      accepted: false,
    });
    expect(check(probe('call bpf_reset_exception', 'r0 != 0x0'), 'rfc')).toEqual({ accepted: true });
  });

  it('both clobber R1-R5', () => {
    expect(check('r1 = 1\ncall bpf_get_exception\nr0 = r1\nexit', 'mainline')).toMatchObject({
      accepted: false,
      class: 'uninit',
      message: 'R1 !read_ok',
    });
  });

  it('exist only in a rewrite: an original calling them is outside the fragment', () => {
    expect(check('call bpf_get_exception\nexit', 'mainline', false)).toMatchObject({
      accepted: null,
      status: 'unsupported',
    });
  });
});

describe('bpf_throw in a rewrite records the exception and returns', () => {
  it('it falls through, also under rfc, and leaves R0 unwritten (a void kfunc)', () => {
    expect(check('r1 = 1\ncall bpf_throw\nr0 = 0\nexit', 'rfc')).toEqual({ accepted: true });
    expect(check('r1 = 1\ncall bpf_throw\nr0 = 0\nexit', 'rfc', false)).toMatchObject({
      message: 'unreachable insn 2',
    });
    expect(check('r1 = 1\ncall bpf_throw\nexit', 'mainline')).toMatchObject({ message: 'R0 !read_ok' });
  });

  it('is no exception exit: what it would leak is reported at the exit it returns to', () => {
    const leak = `call bpf_cpumask_create
      r6 = r0
      r1 = 1
      call bpf_throw
      if r6 == 0x0 goto out
      r1 = r6
      call bpf_cpumask_release
    out:
      r0 = 0
      exit`;
    expect(check(leak, 'mainline', false)).toMatchObject({
      message: 'bpf_throw would lead to reference leak',
    });
    expect(check(leak, 'mainline')).toEqual({ accepted: true });
  });
});

describe('every rewrite of the corpus, verified again', () => {
  it('is accepted except the known findings', () => {
    const rejected: string[] = [];
    for (const dir of ['kernel', 'selftests', 'runtime']) {
      for (const f of readdirSync(join(root, dir)).sort()) {
        if (!f.endsWith('.s') || f.includes('.rewrite') || f.includes('.no-')) continue;
        const p = load(`${dir}/${f}`);
        const r = verify(p, { profile: p.profile, quirks: [] });
        if (!r.facts) continue;
        const v = rewriteVerdict(p, r.facts, { profile: p.profile, quirks: [] });
        if (v.accepted === false) rejected.push(`${dir}/${f}: ${v.class}: ${v.message}`);
        else if (v.accepted === null && v.status === 'unsupported')
          rejected.push(`${dir}/${f}: unsupported: ${v.reason}`);
      }
    }
    expect(rejected).toEqual([
      // The throw in f returns in the rewrite, so the path where r1 != 5 reaches the caller too, and the
      // link that made r9 == 6 decide the caller's branch is gone: the read of the clobbered r4 is explored.
      'kernel/linked-live-only-caller-frame.s: uninit: R4 !read_ok',
      'kernel/rewrite-stack-512-main.s: stack: invalid write to stack R10 off=-520 size=8',
      'kernel/rewrite-stack-512-static.s: stack: invalid write to stack R10 off=-520 size=8',
      // The callsite spill reads the R0 the static's quiet path left unwritten: no verifier would take it,
      // but the RFC never verifies the rewrite and the JIT copies R0 as it is (the runtime runs it so).
      'kernel/rt-throwing-static-exit-no-r0.s: uninit: R0 !read_ok',
      // bpf_loop's -528 check is a 32-bit jump, outside the engine's fragment: not applicable
      'selftests/rfc-exception-throw-cb1.s: unsupported: 32-bit jumps',
      'runtime/loop-throw-rfc.s: unsupported: 32-bit jumps',
      // After the marked call the verifier cannot tell that bpf_get_exception returns 1 only on the path
      // that threw before acquiring: the path that acquired and stored the cpumask may reach the exception
      // exit too, holding it.
      'runtime/ref-transfer.s: ref-leak: BPF_EXIT instruction in main prog would lead to reference leak',
    ]);
  });
});

describe('the engine contract (pathExplorer.verify)', () => {
  it('carries rewriteVerdict: the rewrite verdict, or null for a rejected program', () => {
    const options = { profile: 'mainline', quirks: [] } as const;
    const ok = pathExplorer.verify(load('kernel/rewrite-stack-512-main.s'), options);
    expect(ok.rewriteVerdict).toMatchObject({ accepted: false, class: 'stack' });
    const p = load('kernel/rewrite-stack-512-main.s');
    expect(ok.rewriteVerdict).toEqual(rewriteVerdict(p, verify(p, options).facts!, options));
    const rejected = pathExplorer.verify(load('kernel/double-release.s'), options);
    expect(rejected.rewriteVerdict).toBeNull();
  });
});
