/** corpus/triage.json: its reader, and classify(findings, triage) on real findings. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, judge, parseTriage, type Triage } from '../../oracles/index.js';
import { load, observe, recordedKernel } from './observe.js';

const text = readFileSync(join(import.meta.dirname, '../../corpus/triage.json'), 'utf8');

describe('triage', () => {
  it('the committed file parses', () => {
    const t = parseTriage(text);
    expect(t.ok && t.triage.known.length).toBeGreaterThan(4);
  });
  it('bad files get one line naming where', () => {
    expect(parseTriage('{', 'corpus/triage.json')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^corpus\/triage\.json: not JSON/) as unknown,
    });
    expect(parseTriage('{"version":1,"known":[{"signature":"x"}]}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^triage\.json: known\.0\.note: /) as unknown,
    });
    const twice = '{"version":1,"known":[{"signature":"x","note":"a"},{"signature":"x","note":"b"}]}';
    expect(parseTriage(twice)).toEqual({
      ok: false,
      message: 'triage.json: known.1.signature: listed twice: x',
    });
  });
  it("the kernel's hole from a default campaign is known; the quirk's finding is new", () => {
    const triage = (parseTriage(text) as { ok: true; triage: Triage }).triage;
    const hole = load('corpus/kernel/ref-across-throwing-global.s');
    const kernel = recordedKernel('ref-across-throwing-global');
    const known = classify(judge(observe(hole, { kernel })), triage);
    expect(known.length).toBe(2);
    expect(known.every((c) => c.status === 'known' && c.note !== null)).toBe(true);
    // The same hole when the reference is still held at main's exit: the kernel reaches that exit (another
    // message, same class) where the corrected semantics stop at the call (campaign, run seed 7 case 166).
    const leaked = load('corpus/kernel/ref-across-throwing-global-leaked.s');
    const exit = classify(
      judge(observe(leaked, { kernel: recordedKernel('ref-across-throwing-global-leaked') })),
      triage,
    );
    expect(exit.map((c) => [c.finding.signature, c.status])).toEqual([
      [
        'verdict:kernel=missed-check,path-explorer=ref-leak:global-call-check:ref-across-global-call',
        'known',
      ],
    ]);
    const rcu = load('corpus/kernel/rcu-across-throwing-global-open.s');
    const rcuExit = classify(
      judge(observe(rcu, { kernel: recordedKernel('rcu-across-throwing-global-open') })),
      triage,
    );
    expect(rcuExit.map((c) => [c.finding.signature, c.status])).toEqual([
      [
        'verdict:kernel=missed-check,path-explorer=region-open:global-call-check:region-across-global-call',
        'known',
      ],
    ]);
    const quirk = classify(judge(observe(hole, { kernel, quirks: ['seed-global-resources'] })), triage);
    expect(quirk.filter((c) => c.status === 'new').map((c) => c.finding.signature)).toContain(
      'soundness:path-explorer~seed-global-resources=accept:held-ref:ref-across-global-call',
    );
  });
});
