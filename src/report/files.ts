/**
 * The report directory, written: report.json, report.md, junit.xml, report.html and each finding's case file
 * under findings/. The one function of src/report with effects; every file is written atomically, so a
 * reader (or a run rewriting its report every few seconds) never sees half a file.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../write-atomic.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { RunReport } from './model.js';

export const REPORT_FILES = ['report.json', 'report.md', 'junit.xml', 'report.html'] as const;

export const renderJson = (r: RunReport): string => `${JSON.stringify(r, null, 2)}\n`;

export async function writeReportFiles(dir: string, report: RunReport): Promise<void> {
  await mkdir(join(dir, 'findings'), { recursive: true });
  // Case files first: report.json never names a file that is not there yet.
  for (const f of report.findings) {
    await writeFileAtomic(join(dir, f.caseFile), f.caseText);
    if (f.minimized?.status === 'minimized')
      await writeFileAtomic(join(dir, f.minimized.caseFile), f.minimized.caseText);
  }
  await writeFileAtomic(join(dir, 'report.md'), renderMarkdown(report));
  await writeFileAtomic(join(dir, 'junit.xml'), renderJunit(report));
  await writeFileAtomic(join(dir, 'report.html'), renderHtml(report));
  await writeFileAtomic(join(dir, 'report.json'), renderJson(report));
}
