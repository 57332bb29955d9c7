/**
 * Laws of the path explorer as a function: it never throws (any instruction list, any program of the text
 * form, any profile), it is deterministic, and it is bounded by its processed-instruction budget.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeProgram } from '../../../src/bpf/program.js';
import { verdictStatus } from '../../../src/bpf/result.js';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { verify } from '../../../src/engines/path-explorer/index.js';
import { anyInsn, anyProgram } from '../../bpf/arbitrary.js';
import { generateCase } from '../../../generators/index.js';

const opts = fc.record({
  profile: fc.constantFrom('mainline' as const, 'rfc' as const),
  quirks: fc.subarray(['seed-global-order', 'seed-global-resources', 'seed-loop-inline'] as const),
});

describe('path-explorer verify', () => {
  it('never throws on arbitrary instruction lists (offsets anywhere)', () => {
    fc.assert(
      fc.property(fc.array(anyInsn, { minLength: 0, maxLength: 30 }), opts, (insns, o) => {
        const r = verify(makeProgram(insns), o);
        const v = r.verdict;
        expect(verdictStatus(v)).not.toBe('internal-error');
        if (v.accepted === false) expect(v.message.length).toBeGreaterThan(0);
        if (v.accepted === null) expect(v.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on well-formed programs of the text form', () => {
    fc.assert(
      fc.property(anyProgram, opts, (p, o) => {
        const r = verify(p, o);
        expect(verdictStatus(r.verdict)).not.toBe('internal-error');
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on random fragment programs, and is deterministic', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const p = generateCase('path-explorer-laws', seed, {
        profile: seed % 3 === 0 ? 'rfc' : 'mainline',
      }).program;
      const a = verify(p, { profile: p.profile, quirks: [] });
      const b = verify(p, { profile: p.profile, quirks: [] });
      expect(b, `seed ${seed}`).toEqual(a);
      expect(verdictStatus(a.verdict), `seed ${seed}`).not.toBe('internal-error');
    }
  });

  it('facts and rewrite exist exactly when accepted; marks cover every throw, call and bpf_loop', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const p = generateCase('path-explorer-facts', seed).program;
      const r = verify(p, { profile: 'mainline', quirks: ['seed-global-resources'] });
      expect(r.facts !== null, `seed ${seed}`).toBe(r.verdict.accepted === true);
      expect(r.rewrite !== null, `seed ${seed}`).toBe(r.verdict.accepted === true);
      if (r.facts) {
        const carriers = p.insns.filter(
          (i) =>
            i.kind === 'call' ||
            (i.kind === 'kfunc' && i.name === 'bpf_throw') ||
            (i.kind === 'helper' && i.id === 181),
        ).length;
        expect(r.facts.marks.length).toBe(carriers);
        expect(r.facts.throwsException).toBe(r.facts.subprogs[0]!.canThrow);
      }
    }
  });

  it('stops at 1,000,000 processed instructions', () => {
    // A callback whose state never converges: it counts up a precise value in the caller's stack.
    const text = `
    *(u64 *)(r10 -8) = 0
    r1 = -1
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
.func cb static args=2
    r1 = *(u64 *)(r2 +0)
    r1 += 1
    *(u64 *)(r2 +0) = r1
    if r1 == 0x7fffffff goto out
    r0 = 0
    exit
out:
    r0 = 1
    exit
`;
    const r = verify(parseProgram(text), { profile: 'mainline', quirks: [] });
    expect(r.verdict).toMatchObject({ accepted: false, class: 'too-complex' });
    if (r.verdict.accepted === false)
      expect(r.verdict.message).toMatch(/^BPF program is too large\. Processed 1000001 insn$/);
  });
});
