/**
 * report.md: for a terminal or a pull request. The summary (headline, the new findings with what reproduces
 * them, the known ones in a line each) fits about one screen: `throwfuzz report show` prints it. The details
 * follow: each new finding's two sides, the verdict mix per engine, the time share, feature coverage. Pure.
 */
import {
  findingsLine,
  incompleteLine,
  kernelLine,
  runTitle,
  settingsLine,
  throughputLine,
} from './headline.js';
import type { ReportFinding, RunReport } from './model.js';
import { minimizedLine } from './minimized-text.js';
import { clip, grouped, mdCell, mdCode, percent, valueText } from './text.js';

const firstCase = (f: ReportFinding): string => `case ${f.firstCase} (${f.strategy})`;

export function renderMarkdownSummary(r: RunReport): string {
  const out: string[] = [`# ${runTitle(r)}`, ''];
  const incomplete = incompleteLine(r);
  if (incomplete !== null) out.push(`**${incomplete}**`, '');
  out.push(`${throughputLine(r)} · ${kernelLine(r)}  `, settingsLine(r), '', `**${findingsLine(r)}**`, '');
  const fresh = r.findings.filter((f) => f.status === 'new');
  const known = r.findings.filter((f) => f.status === 'known');
  if (fresh.length > 0) {
    out.push('## New findings', '');
    fresh.forEach((f, i) => {
      const small = minimizedLine(f);
      out.push(
        `${i + 1}. **${f.severity}** ${mdCode(f.signature)} ×${grouped(f.count)}, first ${firstCase(f)}  `,
        `   ${mdCell(f.title)}  `,
        `   ${mdCode(f.reproduce)}${small === null ? '' : '  '}`,
        ...(small === null ? [] : [`   ${mdCell(small)}`]),
      );
    });
    out.push('');
  }
  if (known.length > 0) {
    out.push('## Known findings', '');
    for (const f of known) out.push(`- ${f.severity} ${mdCode(f.signature)} ×${grouped(f.count)}`);
    out.push('');
  }
  return out.join('\n');
}

function sides(f: ReportFinding): string[] {
  if (f.diffs.length === 0) return ['(no field-level diff)', ''];
  const out = ['| field | expected | actual |', '| --- | --- | --- |'];
  for (const d of f.diffs)
    out.push(
      `| ${mdCell(d.field)} | ${mdCell(d.expectedFrom)}: ${mdCode(clip(valueText(d.expected), 200))} | ${mdCell(d.actualFrom)}: ${mdCode(clip(valueText(d.actual), 200))} |`,
    );
  out.push('');
  return out;
}

function findingDetails(f: ReportFinding): string[] {
  const small = minimizedLine(f);
  const m = f.minimized;
  return [
    `### ${mdCell(f.title)}`,
    '',
    `${mdCode(f.signature)}: ${f.status}, ${f.severity}, ${f.oracle}, ×${grouped(f.count)}, first ${firstCase(f)}` +
      (f.input !== null ? `, input ${mdCode(f.input)}` : ''),
    '',
    ...(f.note !== null ? [`Note: ${mdCell(f.note)}`, ''] : []),
    ...sides(f),
    '```sh',
    f.reproduce,
    '```',
    '',
    ...(small === null ? [] : [mdCell(small), '']),
    ...(m?.status === 'minimized' ? ['```', m.caseText.trimEnd(), '```', ''] : []),
  ];
}

function verdictTable(r: RunReport): string[] {
  const engines = Object.keys(r.verdicts);
  if (engines.length === 0) return [];
  const labels = [...new Set(engines.flatMap((e) => Object.keys(r.verdicts[e]!)))].sort();
  return [
    '## Verdicts per engine',
    '',
    `| answer | ${engines.map(mdCell).join(' | ')} |`,
    `| --- |${engines.map(() => ' ---: |').join('')}`,
    ...labels.map(
      (l) => `| ${mdCell(l)} | ${engines.map((e) => grouped(r.verdicts[e]![l] ?? 0)).join(' | ')} |`,
    ),
    '',
  ];
}

function shareTable(r: RunReport): string[] {
  const parts = Object.entries(r.timeShare).sort((a, b) => b[1] - a[1]);
  if (parts.length === 0) return [];
  return [
    '## Time share',
    '',
    '| part | share | ms |',
    '| --- | ---: | ---: |',
    ...parts.map(([p, s]) => `| ${mdCell(p)} | ${percent(s)} | ${grouped(Math.round(r.times[p] ?? 0))} |`),
    '',
  ];
}

function coverageTable(r: RunReport): string[] {
  const features = Object.entries(r.features).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const strategies = Object.entries(r.strategies).sort((a, b) => b[1] - a[1]);
  return [
    '## Coverage',
    '',
    `Strategies: ${strategies.map(([s, n]) => `${s} ${grouped(n)}`).join(', ') || '(none)'}`,
    '',
    '| feature | cases | share |',
    '| --- | ---: | ---: |',
    ...features.map(
      ([f, n]) => `| ${mdCell(f)} | ${grouped(n)} | ${percent(r.cases > 0 ? n / r.cases : 0)} |`,
    ),
    '',
  ];
}

export function renderMarkdown(r: RunReport): string {
  const fresh = r.findings.filter((f) => f.status === 'new');
  const known = r.findings.filter((f) => f.status === 'known');
  const out = [renderMarkdownSummary(r)];
  if (fresh.length > 0)
    out.push(['## New findings in detail', '', ...fresh.flatMap(findingDetails)].join('\n'));
  if (known.length > 0)
    out.push(['## Known findings in detail', '', ...known.flatMap(findingDetails)].join('\n'));
  out.push([...verdictTable(r), ...shareTable(r), ...coverageTable(r)].join('\n'));
  return `${out.join('\n')}\n`;
}
