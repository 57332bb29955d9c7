/**
 * The rewrite verdict (contract: ModelAnswer.rewriteVerdict) verifies the rewrite as it runs instrumented
 * (SPEC §6): `bpf_throw` records the exception and returns, a void kfunc, so the rewrite's following
 * instructions run. In each program below `f` throws when its r1 (linked to main's r6) is not 5, so in the
 * original main continues only with r6 = 5 and never reaches the code after its test of r6. In the rewrite
 * the throwing path returns too, and `bpf_get_exception` is [0, 1] to the verifier: main reaches that code
 * (the documented artefact the rewrite-validity oracle classifies). The original verdicts stay accepted.
 */
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/bpf/profile.js';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { abstractInterpreter } from '../../../src/engines/abstract-interpreter/index.js';

/** f throws unless r1 == 5 (under rfc bpf_throw takes no cookie and ends f). */
const F = (profile: Profile): string[] =>
  profile === 'rfc'
    ? [
        '.func f static args=1',
        '    if r1 != 0x5 goto thr',
        '    r0 = 0',
        '    exit',
        'thr:',
        '    call bpf_throw',
      ]
    : [
        '.func f static args=1',
        '    if r1 != 0x5 goto thr',
        '    r0 = 0',
        '    exit',
        'thr:',
        '    r1 = 11',
        '    call bpf_throw',
        '    exit',
      ];

function answer(main: string[], profile: Profile = 'mainline', tail: string[] = []) {
  const text = [
    `.profile ${profile}`,
    '.ctx 8',
    '    r6 = *(u8 *)(r1 +0)',
    '    r1 = r6',
    '    call f',
    ...main,
    ...F(profile),
    ...tail,
    '',
  ].join('\n');
  const a = abstractInterpreter.verify(parseProgram(text), { profile, quirks: [] });
  expect(a.result.verdict).toEqual({ accepted: true });
  return a.rewriteVerdict;
}

describe('abstract-interpreter: the rewrite verdict runs bpf_throw instrumented', () => {
  it('a throw returns into its subprogram: what follows runs (main reads r4, which it never set)', () => {
    const v = answer([
      '    if r6 == 0x5 goto out',
      '    r0 = r4',
      '    exit',
      'out:',
      '    r0 = 0',
      '    exit',
    ]);
    expect(v).toMatchObject({ accepted: false, class: 'uninit', message: 'R4 !read_ok' });
  });

  it('bpf_throw is void: R0 is not set after it', () => {
    const v = answer([
      '    if r6 == 0x5 goto out',
      '    r1 = 7',
      '    call bpf_throw',
      '    exit',
      'out:',
      '    r0 = 0',
      '    exit',
    ]);
    expect(v).toMatchObject({ accepted: false, class: 'uninit', message: 'R0 !read_ok', insn: 15 });
  });

  it('a reference held at an instrumented throw is no throw leak; it is checked where main exits', () => {
    const body = [
      '    if r6 == 0x5 goto out',
      '    call bpf_cpumask_create',
      '    if r0 == 0x0 goto out',
      '    r6 = r0',
      '    r1 = 7',
      '    call bpf_throw',
    ];
    const release = ['    r1 = r6', '    call bpf_cpumask_release'];
    const end = ['out:', '    r0 = 0', '    exit'];
    expect(answer([...body, ...release, ...end])).toEqual({ accepted: true });
    expect(answer([...body, ...end])).toMatchObject({
      accepted: false,
      class: 'ref-leak',
      message: 'BPF_EXIT instruction in main prog would lead to reference leak',
    });
  });

  it('an open RCU region at an instrumented throw is no throw violation', () => {
    const v = answer([
      '    if r6 == 0x5 goto out',
      '    call bpf_rcu_read_lock',
      '    r1 = 7',
      '    call bpf_throw',
      '    call bpf_rcu_read_unlock',
      'out:',
      '    r0 = 0',
      '    exit',
    ]);
    expect(v).toEqual({ accepted: true });
  });

  it("the cookie is still the kfunc's scalar argument", () => {
    const v = answer([
      '    if r6 == 0x5 goto out',
      '    r1 = r10',
      '    call bpf_throw',
      'out:',
      '    r0 = 0',
      '    exit',
    ]);
    expect(v).toMatchObject({ accepted: false, class: 'bad-arg', message: 'R1 is not a scalar' });
  });

  it('rfc: an unmarked throw that ends a subprogram falls through into the next one', () => {
    const v = answer(
      ['    if r6 != 0x5 goto bad', '    r0 = 0', '    exit', 'bad:', '    call bpf_throw'],
      'rfc',
    );
    // main's frame runs f's first instruction, whose r1 the throw clobbered.
    expect(v).toMatchObject({ accepted: false, class: 'uninit', message: 'R1 !read_ok', insn: 17 });
  });

  it('rfc: one that ends the program has no instruction to run', () => {
    const v = answer(
      ['    if r6 != 0x5 goto bad', '    r0 = 0', '    exit', 'bad:', '    call g', '    r0 = 0', '    exit'],
      'rfc',
      ['.func g static', '    call bpf_throw'],
    );
    expect(v).toMatchObject({ accepted: null, status: 'unsupported', insn: 26 });
  });
});
