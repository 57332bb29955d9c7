// Write a sample report directory from a real campaign (path-explorer, kernel not asked), for the README's
// screenshot: node scripts/sample-report.mjs OUT [SEED] [CASES] (needs npm run build).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCampaign } from '../dist/src/fuzz/campaign.js';
import { buildReport } from '../dist/src/report/build.js';
import { writeReportFiles } from '../dist/src/report/files.js';
import { collectMachine } from '../dist/src/report/machine.js';
import { parseTriage } from '../dist/oracles/triage.js';

const [out = '/tmp/r', seed = '7', cases = '2000'] = process.argv.slice(2);
const root = join(import.meta.dirname, '..');
const triagePath = join(root, 'corpus/triage.json');
const triage = parseTriage(readFileSync(triagePath, 'utf8'), triagePath);
const notes = new Map(triage.ok ? triage.triage.known.map((k) => [k.signature, k.note]) : []);
const settings = {
  runSeed: seed,
  models: ['path-explorer'],
  kernel: false,
  profile: 'mainline',
  quirks: { 'path-explorer': ['seed-global-order'] },
  slots: ['task-ctx', 'prog-global', 'per-cpu'],
  beyond: 0.03,
};
const stop = { kind: 'cases', count: Number(cases) };
const started = new Date();
const t0 = performance.now();
// runCampaign asks `interrupted` once per case: the timeline the worker pool records, sampled here.
const timeline = [];
let done = 0;
const result = await runCampaign(settings, stop, {
  kernel: { unavailable: 'not asked (--engines)' },
  corpus: [],
  clock: () => performance.now(),
  known: (s) => notes.get(s) ?? null,
  interrupted: () => {
    const ms = performance.now() - t0;
    if (done === 0 || ms - timeline[timeline.length - 1].ms >= 250) timeline.push({ ms, cases: done });
    done++;
    return false;
  },
});
timeline.push({ ms: result.elapsedMs, cases: result.cases });
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const report = buildReport(
  { ...result, timeline },
  {
    runId: `sample-seed${seed}`,
    startedAt: started.toISOString(),
    stop,
    kernel: { asked: false, reason: 'not asked (--engines)' },
    complete: true,
    machine: collectMachine(),
    version,
  },
);
await writeReportFiles(out, report);
console.log(`${report.cases} cases, ${report.summary.signatures} signatures: ${out}/report.html`);
