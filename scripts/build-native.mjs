// Builds the kernel engine's executor (native/executor.c) into native/build/ when a C compiler exists.
// Without one, or off Linux, it says in one line that the kernel engine will be unavailable and exits 0:
// the rest of throwfuzz works without it.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'native', 'executor.c');
const output = join(root, 'native', 'build', 'throwfuzz-executor');

function unavailable(why) {
  console.log(`throwfuzz: ${why}; the kernel engine will be unavailable`);
  process.exit(0);
}

if (process.platform !== 'linux') unavailable(`not building native/executor.c on ${process.platform}`);
const cc = process.env.CC || 'cc';
const probe = spawnSync(cc, ['--version'], { stdio: 'ignore' });
if (probe.error || probe.status !== 0) unavailable(`no C compiler (${cc})`);

mkdirSync(dirname(output), { recursive: true });
const build = spawnSync(cc, ['-O2', '-std=gnu11', '-Wall', '-Wextra', '-o', output, source], {
  stdio: 'inherit',
});
if (build.error || build.status !== 0) unavailable(`${cc} failed to compile native/executor.c`);
