/**
 * report.html: one self-contained page (inline CSS and SVG, nothing fetched): the headline, five plots, every
 * finding with its program, both sides and the reproduce command, and the run's settings. Pure.
 */
import { minimizedLine } from './minimized-text.js';
import { findingsLine, incompleteLine, kernelLine, runTitle, settingsLine } from './headline.js';
import { isFailing, type ReportFinding, type RunReport } from './model.js';
import { coveragePlot, findingsPlot, throughputPlot, timeSharePlot, verdictPlot } from './plots.js';
import { REPORT_CSS } from './html-style.js';
import { escapeHtml as esc, grouped, seconds, valueText } from './text.js';

function card(n: string, label: string, tone = ''): string {
  return `<div class="card ${tone}"><div class="n">${esc(n)}</div><div class="l">${esc(label)}</div></div>`;
}

function figure(caption: string, svg: string): string {
  return `<figure><figcaption>${esc(caption)}</figcaption>${svg}</figure>`;
}

function diffTable(f: ReportFinding): string {
  if (f.diffs.length === 0) return '<p class="note">No field-level difference recorded.</p>';
  const rows = f.diffs
    .map(
      (d) =>
        `<tr><td class="mono">${esc(d.field)}</td>` +
        `<td><span class="from">${esc(d.expectedFrom)}</span><code>${esc(valueText(d.expected))}</code></td>` +
        `<td><span class="from">${esc(d.actualFrom)}</span><code>${esc(valueText(d.actual))}</code></td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>field</th><th>expected</th><th>actual</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The minimized case file (linked: it sits next to the report), or why there is none. */
function minimizedBlock(f: ReportFinding): string {
  const line = minimizedLine(f);
  const m = f.minimized;
  if (line === null || m === null) return '';
  if (m.status === 'failed') return `<p class="note">${esc(line)}</p>`;
  return (
    `<h3>Minimized <a class="muted" href="${esc(m.caseFile)}">${esc(m.caseFile)}</a></h3>` +
    `<p class="note">${esc(line)}</p><pre>${esc(m.caseText)}</pre>`
  );
}

function findingBlock(f: ReportFinding): string {
  const tone = f.status === 'new' ? (f.severity === 'precision' ? 'precision' : 'new') : 'known';
  const head =
    `<span class="badge ${f.status}">${f.status}</span><span class="badge ${f.severity}">${f.severity}</span>` +
    `<strong>${esc(f.title)}</strong>`;
  const facts =
    `<div class="mono sig">${esc(f.signature)}</div>` +
    `<div class="muted">${esc(`${f.oracle} · ×${grouped(f.count)} · first case ${f.firstCase} (${f.strategy}) · engines ${f.engines.join(', ')}`)}` +
    (f.input !== null ? ` · input <code>${esc(f.input)}</code>` : '') +
    '</div>';
  const note = f.note !== null ? `<p class="note">${esc(f.note)}</p>` : '';
  return (
    `<details class="finding ${tone}"${isFailing(f) ? ' open' : ''}><summary>${head}${facts}</summary>` +
    note +
    diffTable(f) +
    `<h3>Reproduce</h3><pre>${esc(f.reproduce)}</pre>` +
    `<h3>Case file <span class="muted">${esc(f.caseFile)}</span></h3><pre>${esc(f.caseText)}</pre>` +
    minimizedBlock(f) +
    '</details>'
  );
}

function runTable(r: RunReport): string {
  const o = r.options;
  const m = r.machine;
  const stop = o.stop.kind === 'cases' ? `${grouped(o.stop.count)} cases` : seconds(o.stop.ms);
  const rows: [string, string][] = [
    ['run id', r.runId],
    ['started', r.startedAt],
    ['settings', settingsLine(r)],
    ['stop rule', stop],
    ['slots', o.slots.join(', ')],
    ['beyond', String(o.beyond)],
    ['join', String(o.join)],
    ['kernel', kernelLine(r)],
    ['engines', r.engines.map((e) => `${e.name} ${e.version ?? '(none)'}`).join(', ')],
    [
      'strategies',
      Object.entries(r.strategies)
        .map(([s, n]) => `${s} ${grouped(n)}`)
        .join(', '),
    ],
    [
      'machine',
      `${m.hostname}: ${m.platform}, ${m.cpus} × ${m.cpuModel}, ${grouped(m.memoryMiB)} MiB, node ${m.node}`,
    ],
    ...(r.shards.length > 0 ? ([['merged runs', r.shards.join(', ')]] as [string, string][]) : []),
  ];
  return `<table class="kv"><tbody>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>`;
}

export function renderHtml(r: RunReport): string {
  const failing = r.findings.filter(isFailing).length;
  const incomplete = incompleteLine(r);
  const fresh = r.findings.filter((f) => f.status === 'new');
  const known = r.findings.filter((f) => f.status === 'known');
  const body = [
    `<h1>${esc(runTitle(r))}</h1>`,
    `<div class="muted">${esc(`${settingsLine(r)} · ${kernelLine(r)}`)}</div>`,
    incomplete !== null ? `<div class="banner">${esc(incomplete)}</div>` : '',
    '<div class="cards">',
    card(grouped(r.cases), 'cases'),
    card(r.casesPerSecond.toFixed(0), 'cases per second'),
    card(seconds(r.elapsedMs), 'elapsed'),
    card(String(failing), 'new findings that fail', failing > 0 ? 'bad' : 'good'),
    card(String(r.summary.new - failing), 'new precision findings'),
    card(String(r.summary.known), 'known findings'),
    '</div>',
    `<p><strong>${esc(findingsLine(r))}</strong></p>`,
    '<h2>Plots</h2><div class="plots">',
    figure('Cases per second over time', throughputPlot(r)),
    figure('Findings by signature (cases)', findingsPlot(r)),
    figure('Verdict classes per engine', verdictPlot(r)),
    figure('Time share per part of the pipeline', timeSharePlot(r)),
    figure('Feature coverage (cases with the feature)', coveragePlot(r)),
    '</div>',
    `<h2>New findings (${fresh.length})</h2>`,
    fresh.length > 0 ? fresh.map(findingBlock).join('\n') : '<p class="muted">None.</p>',
    `<h2>Known findings (${known.length})</h2>`,
    known.length > 0 ? known.map(findingBlock).join('\n') : '<p class="muted">None.</p>',
    '<h2>Run</h2>',
    runTable(r),
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(runTitle(r))}</title>
<style>${REPORT_CSS}</style>
</head>
<body><main>
${body}
</main></body>
</html>
`;
}
