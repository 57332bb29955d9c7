/**
 * collect_linked_regs keeps at most LINKED_REGS_MAX (6) registers per conditional jump; the later ones
 * lose their id (__collect_linked_regs). check_cond_jmp_op collects for the source register and then for
 * the destination into one record, so `if r8 & r9` on two copies of one value counts each live copy twice.
 * In `sub1` below the copies are r7, r8, r9 and main's r8 (live at the callsite): main's r8 drops its link
 * there, and `r7 == 0` does not make it 0. The second call then reaches the throw, so both callsites are
 * on a throwing frame chain and both are marked (SPEC §4, mark_chain_throw). The mainline twin, where the
 * second call holds a reference and the live kernel rejects, is corpus/kernel/linked-regs-max-jset-copies.s.
 */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { abstractInterpreter } from '../../../src/engines/abstract-interpreter/index.js';

function marks(test: string): { insn: number; mark: string }[] {
  const text = [
    '.profile rfc',
    '    r6 = r1',
    '    r8 = *(u32 *)(r6 +52)',
    '    r2 = r8',
    '    r3 = r8',
    '    r4 = r8',
    '    call sub1',
    '    r2 = r8',
    '    r3 = 0',
    '    r4 = 0',
    '    call sub1',
    '    exit',
    '.func sub1 static',
    '    r7 = r2',
    '    r8 = r3',
    '    r9 = r4',
    `    ${test}`,
    'l2:',
    '    if r7 == 0x0 goto l6',
    '    call bpf_throw',
    'l6:',
    '    r0 = r8',
    '    exit',
    '',
  ].join('\n');
  const a = abstractInterpreter.verify(parseProgram(text), { profile: 'rfc', quirks: [] });
  expect(a.result.verdict).toEqual({ accepted: true });
  return (a.result.facts?.marks ?? []).filter((m) => m.mark !== 'none');
}

describe('abstract-interpreter: linked registers past LINKED_REGS_MAX', () => {
  it('a jset of two copies drops the caller copy: the second call can throw and is marked', () => {
    expect(marks('if r8 & r9 goto l2')).toEqual([
      { insn: 5, mark: 'outer' },
      { insn: 9, mark: 'outer' },
      { insn: 16, mark: 'inner' },
    ]);
  });

  it('without it the link reaches the caller: after the first call main r8 is 0, the second cannot throw', () => {
    expect(marks('r0 = 0')).toEqual([
      { insn: 5, mark: 'outer' },
      { insn: 16, mark: 'inner' },
    ]);
  });
});
