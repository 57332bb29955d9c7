/** `throwfuzz fuzz` as a child process (signals and faults need a real process), and waiting on its files. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';
import { runReportSchema, type RunReport } from '../../src/report/model.js';

export interface Child {
  readonly process: ChildProcess;
  /** Exit code (or 128 + signal number), stdout and stderr, once it has ended. */
  readonly done: Promise<{ code: number; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function spawnThrowfuzz(args: readonly string[], env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(process.execPath, [join(packageRoot(), 'bin', 'throwfuzz.js'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) =>
      child.on('close', (code, signal) => {
        resolve({ code: code ?? -1, signal, stdout, stderr });
      }),
  );
  return { process: child, done };
}

/** The report in `dir`, checked against its schema, or null while there is none. */
export function readReport(dir: string): RunReport | null {
  const path = join(dir, 'report.json');
  if (!existsSync(path)) return null;
  return runReportSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Polls until `ready` holds (every 100 ms), or fails after `ms`. */
export async function waitFor<T>(what: string, ms: number, ready: () => T | null | false): Promise<T> {
  const until = performance.now() + ms;
  for (;;) {
    const v = ready();
    if (v !== null && v !== false) return v;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
