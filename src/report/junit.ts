/**
 * junit.xml: one <testcase> per signature, so a CI shows findings as tests. A new finding that is not a
 * precision artefact is a <failure> (title, both sides, the reproduce command); a known or precision one
 * passes, with its note in <system-out>. Pure.
 */
import { isFailing, type ReportFinding, type RunReport } from './model.js';
import { minimizedLine } from './minimized-text.js';
import { escapeXml, valueText } from './text.js';

const attrs = (a: Readonly<Record<string, string | number>>): string =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

function detail(f: ReportFinding): string {
  const lines = [
    `${f.severity} ${f.oracle} finding: ${f.title}`,
    `signature: ${f.signature}`,
    `count: ${f.count}, first case ${f.firstCase} (${f.strategy})`,
  ];
  if (f.input !== null) lines.push(`input: ${f.input}`);
  for (const d of f.diffs)
    lines.push(
      `${d.field}: ${d.expectedFrom} ${valueText(d.expected)} / ${d.actualFrom} ${valueText(d.actual)}`,
    );
  if (f.note !== null) lines.push(`note: ${f.note}`);
  lines.push(`reproduce: ${f.reproduce}`);
  const small = minimizedLine(f);
  if (small !== null) lines.push(small);
  return lines.join('\n');
}

function testcase(f: ReportFinding): string {
  const open = `    <testcase${attrs({ classname: `throwfuzz.${f.oracle}`, name: f.signature, time: 0 })}>`;
  const body = isFailing(f)
    ? `      <failure${attrs({ message: f.title, type: f.severity })}>${escapeXml(detail(f))}</failure>`
    : `      <system-out>${escapeXml(detail(f))}</system-out>`;
  return `${open}\n${body}\n    </testcase>`;
}

export function renderJunit(r: RunReport): string {
  const failures = r.findings.filter(isFailing).length;
  const head = { tests: r.findings.length, failures, errors: 0, time: (r.elapsedMs / 1000).toFixed(3) };
  const properties = [
    ['runId', r.runId],
    ['runSeed', r.runSeed],
    ['profile', r.options.profile],
    ['cases', String(r.cases)],
    ['complete', String(r.complete)],
    ['generator', r.generator],
  ]
    .map(([name, value]) => `      <property${attrs({ name: name!, value: value! })}/>`)
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'throwfuzz', ...head })}>`,
    `  <testsuite${attrs({ name: `throwfuzz fuzz seed ${r.runSeed}`, ...head, timestamp: r.startedAt })}>`,
    '    <properties>',
    properties,
    '    </properties>',
    ...r.findings.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
