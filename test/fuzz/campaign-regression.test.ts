/**
 * Every campaign replays the corpus against its recorded expectations first: a case whose expectation no
 * engine gives any more is one `regression` finding (signature naming the case, the expectation and the
 * field), with the expected and actual values as its diff; an unedited corpus gives none.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReportSchema, type RunReport } from '../../src/report/model.js';
import { signatureProblem } from '../../oracles/signature-form.js';
import { runCli } from '../cli/helpers.js';

const root = join(import.meta.dirname, '../..');
const LEAKED = 'kernel/ref-across-throwing-global-leaked.s';
const OTHER = 'examples/rfc-callback-own-reference.s';

/** A corpus of two committed cases; `edit` rewrites the first one's text. */
function corpus(edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'throwfuzz-corpus-'));
  for (const f of [LEAKED, OTHER]) mkdirSync(join(dir, f, '..'), { recursive: true });
  writeFileSync(join(dir, LEAKED), edit(readFileSync(join(root, 'corpus', LEAKED), 'utf8')));
  copyFileSync(join(root, 'corpus', OTHER), join(dir, OTHER));
  return dir;
}

async function regressions(dir: string): Promise<{ report: RunReport; out: string }> {
  const out = mkdtempSync(join(tmpdir(), 'throwfuzz-reg-'));
  const run = await runCli(
    'fuzz',
    '--corpus',
    dir,
    '--max-cases',
    '1',
    '--seed',
    '1',
    '--engines',
    'path-explorer',
    '--no-minimize',
    '--workers',
    '1',
    '--out',
    out,
  );
  expect(run.stderr).toBe('');
  const report = runReportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
  expect(report.strategies.corpus).toBe(2);
  return { report, out };
}

describe('the campaign replays the corpus against its expectations', () => {
  it('an edited expectation is exactly one regression finding, with the diff', async () => {
    const dir = corpus((t) =>
      t.replace(
        '; case expect path-explorer@mainline {"accepted":false,"class":"ref-leak","message":"bpf_throw would lead to reference leak"}',
        '; case expect path-explorer@mainline {"accepted":false,"class":"ref-leak","message":"something else"}',
      ),
    );
    const { report, out } = await regressions(dir);
    const found = report.findings.filter((f) => f.oracle === 'regression');
    expect(found).toHaveLength(1);
    const f = found[0]!;
    expect(f.signature).toBe(
      'regression:path-explorer:kernel/ref-across-throwing-global-leaked/vs-path-explorer-mainline/message:-',
    );
    expect(signatureProblem(f.signature, ['path-explorer'])).toBeNull();
    expect(f).toMatchObject({ severity: 'high', status: 'new', strategy: 'corpus', minimized: null });
    expect(f.diffs).toEqual([
      {
        field: 'message',
        expectedFrom: 'case expect path-explorer@mainline',
        expected: 'something else',
        actualFrom: 'path-explorer@mainline',
        actual: 'bpf_throw would lead to reference leak',
      },
    ]);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('"something else"');
    expect(md).toContain('"bpf_throw would lead to reference leak"');
  });

  it('an unedited corpus gives no regression', async () => {
    const { report } = await regressions(corpus((t) => t));
    expect(report.findings.filter((f) => f.oracle === 'regression')).toEqual([]);
  });

  it('a --corpus directory that cannot be read is one line and exit 2', async () => {
    const run = await runCli('fuzz', '--corpus', join(tmpdir(), 'no-such-corpus-dir'), '--max-cases', '1');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^throwfuzz: --corpus \S+: cannot read the directory \(ENOENT\)\n$/);
  });
});
