/**
 * The executor dies with its client (PR_SET_PDEATHSIG): a client killed with SIGKILL while the executor is
 * busy must not leave it working. The executor is kept busy with a 60 s `sleep` request (no bpf() call), so
 * only the built executor is needed; without the parent-death signal it would outlive its client by a minute.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultExecutorPath } from '../../../src/engines/kernel/executor-path.js';

const root = join(import.meta.dirname, '../../..');
const executorPath = defaultExecutorPath();
const client = join(root, 'dist/src/engines/kernel/executor-client.js');
let notBuilt: string | null = null;
try {
  accessSync(executorPath, constants.X_OK);
  accessSync(client, constants.R_OK);
} catch {
  notBuilt = `no executor at ${executorPath} or no ${client} (npm run build)`;
  console.log(`[executor lifetime] skipped: ${notBuilt}`);
}

/** Whether the process runs (a zombie has exited; whoever adopted it may not have reaped it yet). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe.skipIf(notBuilt)('the executor and its client', () => {
  it('a client killed with SIGKILL takes its busy executor with it', async () => {
    const script = `
      const { ExecutorClient } = await import(${JSON.stringify(client)});
      const c = new ExecutorClient({ path: ${JSON.stringify(executorPath)} });
      await c.request({ op: 'ping' });
      void c.request({ op: 'sleep', ms: 60000 });
      // Let the request reach the executor: from then on it sleeps, deaf to its stdin's EOF.
      await new Promise((r) => setTimeout(r, 500));
      console.log(c.pid);
      setInterval(() => {}, 1000);`;
    const node = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      let out = '';
      node.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('\n')) resolve(Number(out.trim()));
      });
      node.on('exit', () => {
        reject(new Error('the client exited before starting the executor'));
      });
    });
    expect(running(pid)).toBe(true);
    const exited = new Promise((r) => node.on('exit', r));
    node.kill('SIGKILL');
    await exited;
    // Bounded wait, not a speed test: without the parent-death signal the executor sleeps for a minute.
    for (let waited = 0; waited < 10_000 && running(pid); waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    const survived = running(pid);
    if (survived) process.kill(pid, 'SIGKILL'); // leave nothing behind when the test fails
    expect(survived).toBe(false);
  }, 20_000);
});
