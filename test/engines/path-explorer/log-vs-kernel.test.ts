/**
 * The path-explorer's `--log` ends as the kernel's does: the instruction that failed (`N: (op) insn`), then
 * any `Unreleased reference` lines, then the message, then `processed N insns`. Compared with real level-1
 * logs of Linux 6.18 (test/engines/kernel/fixtures/logs), kfunc ids (`#65988`) aside.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { verify } from '../../../src/engines/path-explorer/index.js';
import { runCli } from '../../cli/helpers.js';

const root = join(import.meta.dirname, '../../..');
const fixtures = join(root, 'test/engines/kernel/fixtures');

const CASES = [
  'ref-held-at-throw',
  'ref-leak-at-exit',
  'r0-uninit',
  'stack-oob',
  'ctx-modified',
  'double-release',
  'maybe-null-release',
  'preempt-open-at-throw',
  'rcu-open-at-exit',
  'last-insn-not-exit',
];

const INSN_LINE = /^\d+: \([0-9a-f]{2}\) /;

/** From the last instruction line (if any) to the line before `processed`, ids and padding normalised. */
function ending(log: readonly string[]): string[] {
  let upTo = log.length;
  for (let i = log.length - 1; i >= 0; i--)
    if (log[i]!.startsWith('processed ')) {
      upTo = i;
      break;
    }
  let start = 0;
  for (let i = upTo - 1; i >= 0; i--)
    if (INSN_LINE.test(log[i]!)) {
      start = i;
      break;
    }
  return log.slice(start, upTo).map((l) => l.replace(/#\d+/g, '').replace(/ +;/, ' ;'));
}

describe('the log ends with the failing instruction and the message, as the kernel prints them', () => {
  for (const name of CASES) {
    it(name, () => {
      const inCorpus = join(root, 'corpus/kernel', `${name}.s`);
      const file = existsSync(inCorpus) ? inCorpus : join(fixtures, 'programs', `${name}.s`);
      const kernel = readFileSync(join(fixtures, 'logs', `${name}.level1.log`), 'utf8')
        .split('\n')
        .filter((l) => l !== '');
      const r = verify(parseProgram(readFileSync(file, 'utf8'), file), {
        profile: 'mainline',
        quirks: ['seed-global-resources'],
        log: true,
      });
      expect(r.verdict.accepted).toBe(false);
      expect(ending(r.log ?? [])).toEqual(ending(kernel));
      expect(r.log?.at(-1)).toMatch(/^processed \d+ insns \(limit 1000000\)/);
    });
  }

  it('the state after an instruction starts where vlog_alignment puts it (column 38, or 46 past 35)', () => {
    const r = verify(parseProgram(readFileSync(join(root, 'corpus/kernel/ref-held-at-throw.s'), 'utf8')), {
      profile: 'mainline',
      quirks: [],
      log: true,
    });
    expect(r.log).toContain(
      '1: (15) if r0 == 0x0 goto pc+5        ; R0=ptr_bpf_cpumask(ref_obj_id=2) refs=2',
    );
    expect(r.log?.[0]).toBe('0: R1=ctx() R10=fp0');
  });
});

describe('the message is the kernel words; the instruction is separate data', () => {
  it('unreachable code: `unreachable insn 2`, insn 2, and the text output does not say it twice', async () => {
    const file = join(fixtures, 'programs', 'unreachable.s');
    const r = verify(parseProgram(readFileSync(file, 'utf8')), { profile: 'mainline', quirks: [] });
    expect(r.verdict).toEqual({
      accepted: false,
      class: 'structure',
      message: 'unreachable insn 2',
      insn: 2,
    });
    const run = await runCli('check', file, '--engine', 'path-explorer');
    expect(run.stdout).toContain('    message: unreachable insn 2\n');
  });

  it('a message without the instruction still gets ` (insn N)`', async () => {
    const run = await runCli(
      'check',
      join(root, 'corpus/kernel/subprogs-257.s'),
      '--engine',
      'path-explorer',
    );
    expect(run.stdout).toContain('    message: too many subprograms (insn 255)\n');
  });
});
