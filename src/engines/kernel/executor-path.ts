/** Where `npm run build` puts the executor: native/build/ in the package root. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXECUTOR_NAME = 'throwfuzz-executor';

/** The package root: the nearest ancestor of this module with a package.json (works from src/ and dist/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('throwfuzz: cannot find the package root');
    dir = up;
  }
}

/** `THROWFUZZ_EXECUTOR` overrides the default location. */
export function defaultExecutorPath(): string {
  return process.env.THROWFUZZ_EXECUTOR ?? join(packageRoot(), 'native', 'build', EXECUTOR_NAME);
}
