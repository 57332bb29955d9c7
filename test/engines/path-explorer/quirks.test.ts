/** Each quirk of SPEC §4 changes the verdict, facts or rewrite of a program written to show it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Quirk } from '../../../src/bpf/profile.js';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { printProgram } from '../../../src/bpf/text/print.js';
import { verify } from '../../../src/engines/path-explorer/index.js';

const selftest = (name: string) =>
  parseProgram(readFileSync(join(import.meta.dirname, '../../../corpus/selftests', `${name}.s`), 'utf8'));

const run = (text: string | ReturnType<typeof selftest>, quirks: Quirk[]) => {
  const p = typeof text === 'string' ? parseProgram(text) : text;
  return verify(p, { profile: p.profile, quirks });
};

describe('quirks', () => {
  it('seed-global-order: a global calling a later throwing global is not marked (no fix-up pass)', () => {
    const text = `
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
`;
    const fixed = run(text, []);
    const seed = run(text, ['seed-global-order']);
    expect(fixed.facts?.subprogs.map((s) => s.canThrow)).toEqual([true, true, true]);
    expect(fixed.facts?.marks).toEqual([
      { insn: 0, mark: 'outer' },
      { insn: 3, mark: 'inner' },
      { insn: 7, mark: 'inner' },
    ]);
    expect(seed.facts?.subprogs.map((s) => s.canThrow)).toEqual([false, false, true]);
    expect(seed.facts?.marks).toEqual([
      { insn: 0, mark: 'none' },
      { insn: 3, mark: 'none' },
      { insn: 7, mark: 'inner' },
    ]);
    expect(seed.facts?.throwsException).toBe(false);
    // The order matters: with the globals the other way round the seed finds it.
    const reversed = `
    call second
    r0 = 0
    exit
.func first global
    r1 = 3
    call bpf_throw
    r0 = 0
    exit
.func second global
    call first
    r0 = 1
    exit
`;
    expect(run(reversed, ['seed-global-order']).facts?.throwsException).toBe(true);
  });

  it('seed-global-resources: a reference held across a call to a throwing global is not checked', () => {
    const p = selftest('reject-global-subprog-throw-with-reference');
    expect(run(p, []).verdict).toEqual({
      accepted: false,
      class: 'ref-leak',
      message: 'bpf_throw would lead to reference leak',
      insn: 7,
    });
    const seed = run(p, ['seed-global-resources']);
    expect(seed.verdict).toEqual({ accepted: true });
    expect(seed.facts?.marks.find((m) => m.insn === 7)).toEqual({ insn: 7, mark: 'outer' });
  });

  it('seed-global-resources: an open RCU region across a throwing global, likewise', () => {
    const text = `
    call bpf_rcu_read_lock
    call g
    call bpf_rcu_read_unlock
    r0 = 0
    exit
.func g global
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
`;
    expect(run(text, []).verdict).toMatchObject({
      accepted: false,
      class: 'region-open',
      message: 'bpf_throw cannot be used inside bpf_rcu_read_lock-ed region',
    });
    expect(run(text, ['seed-global-resources']).verdict).toEqual({ accepted: true });
  });

  it('seed-loop-inline: a throwing callback leaves its bpf_loop unrewritten', () => {
    const p = selftest('rfc-exception-throw-cb1');
    const fixed = run(p, []);
    const seed = run(p, ['seed-loop-inline']);
    expect(fixed.facts?.marks).toEqual([
      { insn: 5, mark: 'outer' },
      { insn: 8, mark: 'inner' },
    ]);
    expect(seed.facts).toEqual(fixed.facts);
    expect(printProgram(fixed.rewrite!)).toContain('if w0 != 0xfffffdf0 goto pc+3');
    expect(printProgram(seed.rewrite!)).not.toContain('call bpf_get_exception\n');
    expect(seed.rewrite).not.toEqual(fixed.rewrite);
  });
});
