/**
 * The writers on a report from a real small campaign (seed 1, 200 cases, a quirk, the kernel unavailable):
 * two new high findings, one new precision one, one taken as known.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown, renderMarkdownSummary } from '../../src/report/markdown.js';
import { isFailing, runReportSchema, type RunReport } from '../../src/report/model.js';
import { escapeHtml } from '../../src/report/text.js';
import { fixtureReport, KNOWN_NOTE } from './fixture.js';
import { all, parseXml } from './xml.js';

let report: RunReport;
beforeAll(async () => {
  report = await fixtureReport();
}, 60_000);

/** The report with a finding whose texts hold what every format must escape. */
function hostile(r: RunReport): RunReport {
  const [f, ...rest] = r.findings;
  return {
    ...r,
    findings: [
      {
        ...f!,
        title: '</pre><script>alert(1)</script> & "x"',
        caseText: `${f!.caseText}; </pre><img src=x onerror=alert(1)>\n`,
        diffs: [
          { field: 'retval', expectedFrom: 'ref<', expected: ']]>\u0001', actualFrom: 'a&b', actual: 5 },
        ],
      },
      ...rest,
    ],
  };
}

describe('the fixture', () => {
  it('has new (failing and precision) and known findings, and is a valid report', () => {
    expect(runReportSchema.parse(report)).toEqual(report);
    expect(report.findings.filter(isFailing).length).toBeGreaterThan(0);
    expect(report.findings.some((f) => f.status === 'new' && f.severity === 'precision')).toBe(true);
    expect(report.findings.filter((f) => f.status === 'known').map((f) => f.note)).toEqual([KNOWN_NOTE]);
    for (const f of report.findings) {
      expect(f.caseText).toContain(`; case note signature: ${f.signature}`);
      expect(f.reproduce).toBe(
        `throwfuzz check ${f.caseFile} --engine path-explorer --profile mainline --quirks seed-global-order`,
      );
    }
  });
});

describe('report.md', () => {
  it('lists the new findings first, each with its signature, severity, count, first case and reproduce command', () => {
    const md = renderMarkdown(report);
    const fresh = report.findings.filter((f) => f.status === 'new');
    const known = report.findings.filter((f) => f.status === 'known');
    const firstKnown = Math.min(...known.map((f) => md.indexOf(f.signature)));
    for (const f of fresh) {
      const at = md.indexOf(f.signature);
      expect(at, f.signature).toBeGreaterThan(-1);
      expect(at).toBeLessThan(firstKnown);
      expect(md).toContain(`**${f.severity}** \`${f.signature}\` ×${f.count}, first case ${f.firstCase}`);
      expect(md).toContain(f.reproduce);
    }
    expect(md.indexOf('## New findings')).toBeLessThan(md.indexOf('## Known findings'));
    expect(md).toContain('## Verdicts per engine');
    expect(md).toContain('## Time share');
    expect(md).toContain('## Coverage');
    // both sides of each diff, expected and actual
    const d = fresh[0]!.diffs[0]!;
    expect(md).toContain(`| ${d.field} | ${d.expectedFrom}: `);
    expect(md).toContain(`| ${d.actualFrom}: `);
  });

  it('keeps the summary short and says when the run is incomplete', () => {
    const summary = renderMarkdownSummary(report);
    expect(summary.split('\n').length).toBeLessThan(40);
    expect(summary).not.toContain('INCOMPLETE');
    expect(renderMarkdownSummary({ ...report, complete: false })).toContain(
      'INCOMPLETE: the run was interrupted',
    );
  });
});

describe('junit.xml', () => {
  it('has one testcase per signature, failures exactly for the new non-precision ones, notes in system-out', () => {
    const suites = parseXml(renderJunit(report));
    const cases = all(suites, 'testcase');
    expect(cases.map((c) => c.attrs.name).sort()).toEqual(report.findings.map((f) => f.signature).sort());
    for (const c of cases) {
      const f = report.findings.find((x) => x.signature === c.attrs.name)!;
      const failures = all(c, 'failure');
      expect(failures.length, f.signature).toBe(isFailing(f) ? 1 : 0);
      if (isFailing(f)) {
        expect(failures[0]!.attrs.message).toBe(f.title);
        expect(failures[0]!.text).toContain(f.reproduce);
      } else expect(all(c, 'system-out')[0]!.text).toContain(f.note ?? f.title);
    }
    expect(all(suites, 'testsuite')[0]!.attrs.failures).toBe(
      String(report.findings.filter(isFailing).length),
    );
  });

  it('escapes what XML cannot hold raw', () => {
    const r = hostile(report);
    const xml = renderJunit(r);
    const suites = parseXml(xml); // throws on a raw < or & or a control character
    const failure = all(suites, 'failure').find((f) => f.attrs.message!.includes('<script>'))!;
    expect(failure.attrs.message).toBe(r.findings[0]!.title);
    expect(failure.text).toContain('retval: ref< "]]>\\u0001" / a&b 5');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).toContain(escapeHtml(KNOWN_NOTE).replace('&#39;', '&apos;'));
  });
});

describe('report.html', () => {
  it('is one self-contained page: five inline SVG plots, nothing fetched', () => {
    const html = renderHtml(report);
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b|\bsrc=|@import|url\(/i);
  });

  it('shows every finding: its escaped program, both sides and the reproduce command', () => {
    const html = renderHtml(report);
    for (const f of report.findings) {
      expect(html).toContain(`<pre>${escapeHtml(f.caseText)}</pre>`);
      expect(html).toContain(escapeHtml(f.reproduce));
      for (const d of f.diffs) {
        expect(html).toContain(`<span class="from">${escapeHtml(d.expectedFrom)}</span>`);
        expect(html).toContain(`<span class="from">${escapeHtml(d.actualFrom)}</span>`);
      }
    }
    expect(html).toContain(escapeHtml(KNOWN_NOTE));
    expect(html).not.toContain(KNOWN_NOTE);
  });

  it('escapes every text it shows', () => {
    const html = renderHtml(hostile(report));
    expect(html).not.toMatch(/<(script|img)\b/);
    expect(html).toContain('&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
