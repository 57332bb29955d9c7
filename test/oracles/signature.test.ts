/**
 * The signature scheme on the quirks of SPEC §4 that path-explorer reproduces: real observations (engine
 * answers and runtime runs) of programs written to show each quirk. Each quirk's defect findings (severity
 * above `precision`) share one signature; no two quirks share one; the kernel's own seed-global-resources
 * hole gets signatures of its own.
 */
import { describe, expect, it } from 'vitest';
import type { Quirk } from '../../src/bpf/profile.js';
import type { Program } from '../../src/bpf/program.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { judge, type Finding } from '../../oracles/index.js';
import { load, observe, recordedKernel } from './observe.js';

/** Scheduled on task-ctx (the RFC's slot model): prog-global races are a finding of their own (outcome.test.ts). */
const SCHEDULED = { slots: ['task-ctx'], scheduleSeed: 1 } as const;
const defects = (fs: readonly Finding[]) => fs.filter((f) => f.severity !== 'precision');
const signatures = (fs: readonly Finding[]) => [...new Set(defects(fs).map((f) => f.signature))].sort();

const globalOrder = [
  parseProgram(`
    call first
    r0 = 0
    exit
.func first global
    call second
    r0 = 1
    exit
.func second global
    r1 = 3
    call bpf_throw
    r0 = 0
    exit
`),
  // A static between the globals, a ctx-dependent throw and a second input that does not throw.
  parseProgram(`
.ctx 8
.input ctx=0000000000000000
.input ctx=0100000000000000
    r6 = r1
    r1 = *(u8 *)(r6 +0)
    call a
    *(u8 *)(r6 +1) = 5
    r0 = 2
    exit
.func a global args=1
    call s
    r0 = 0
    exit
.func s static
    call b
    r0 = 0
    exit
.func b global args=1
    if r1 == 0x0 goto quiet
    r1 = 7
    call bpf_throw
quiet:
    r0 = 0
    exit
`),
];

const globalResources = [
  load('corpus/kernel/ref-across-throwing-global.s'),
  parseProgram(`
.ctx 8
.input ctx=0000000000000000
.input ctx=0100000000000000
    r6 = r1
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r7 = r0
    r1 = *(u8 *)(r6 +0)
    call maybe_throw
    r1 = r7
    call bpf_cpumask_release
out:
    r0 = 0
    exit
.func maybe_throw global args=1
    if r1 == 0x0 goto quiet
    r1 = 0
    call bpf_throw
quiet:
    r0 = 0
    exit
`),
];

const loopInline = [
  load('corpus/selftests/rfc-exception-throw-cb1.s'),
  parseProgram(`
.profile rfc
.ctx 8
.input ctx=0000000000000000
.input ctx=0300000000000000
    r6 = r1
    r1 = *(u8 *)(r6 +0)
    r1 &= 3
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    r0 = 4
    exit
.func cb static args=2
    if r1 != 0x2 goto next
    call bpf_throw
next:
    r0 = 0
    exit
`),
];

const CASES: readonly { quirk: Quirk; programs: readonly Program[] }[] = [
  { quirk: 'seed-global-order', programs: globalOrder },
  { quirk: 'seed-global-resources', programs: globalResources },
  { quirk: 'seed-loop-inline', programs: loopInline },
];

function quirkSignatures(quirk: Quirk, programs: readonly Program[]): string[] {
  return signatures(programs.flatMap((p) => judge(observe(p, { quirks: [quirk], ...SCHEDULED }))));
}

describe('each quirk gives one signature', () => {
  for (const { quirk, programs } of CASES) {
    it(quirk, () => {
      const sigs = quirkSignatures(quirk, programs);
      expect(sigs).toHaveLength(1);
      expect(sigs[0]).toContain(`~${quirk}`);
      // Every program shows it, and without the quirk the same programs give no defect finding.
      for (const p of programs) {
        expect(defects(judge(observe(p, { quirks: [quirk], ...SCHEDULED }))).length).toBeGreaterThan(0);
        expect(defects(judge(observe(p, SCHEDULED)))).toEqual([]);
      }
    });
  }

  it('names the oracle and the cause each quirk is known by', () => {
    expect(CASES.map(({ quirk, programs }) => quirkSignatures(quirk, programs)[0])).toEqual([
      'outcome:path-explorer~seed-global-order:solo:global-calls-later-global',
      'soundness:path-explorer~seed-global-resources=accept:held-ref:ref-across-global-call',
      'outcome:path-explorer@rfc~seed-loop-inline:solo:loop-callback-throws',
    ]);
  });

  it('no two quirks share a signature, even run on each other’s programs', () => {
    const all = CASES.flatMap(({ programs }) => programs);
    const byQuirk = CASES.map(({ quirk }) => quirkSignatures(quirk, all));
    for (let i = 0; i < byQuirk.length; i++) {
      for (let j = i + 1; j < byQuirk.length; j++) {
        expect(byQuirk[i]!.filter((s) => byQuirk[j]!.includes(s))).toEqual([]);
      }
    }
  });
});

describe("the kernel's seed-global-resources hole", () => {
  const hole = load('corpus/kernel/ref-across-throwing-global.s');
  const kernel = recordedKernel('ref-across-throwing-global');

  it('with a default campaign (path-explorer without quirks vs the kernel): a verdict and a soundness signature', () => {
    expect(signatures(judge(observe(hole, { kernel })))).toEqual([
      'soundness:kernel=accept:held-ref:ref-across-global-call',
      'verdict:kernel=missed-check,path-explorer=ref-leak:global-call-check:ref-across-global-call',
    ]);
  });

  it("is told apart from the quirk's signature when both are on", () => {
    const both = signatures(judge(observe(hole, { kernel, quirks: ['seed-global-resources'] })));
    expect(both).toEqual([
      'soundness:kernel=accept:held-ref:ref-across-global-call',
      'soundness:path-explorer~seed-global-resources=accept:held-ref:ref-across-global-call',
    ]);
  });
});
