/** Where `npm run build` puts the executor: native/build/ in the package root. */
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';

export const EXECUTOR_NAME = 'throwfuzz-executor';

/** `THROWFUZZ_EXECUTOR` overrides the default location. */
export function defaultExecutorPath(): string {
  return process.env.THROWFUZZ_EXECUTOR ?? join(packageRoot(), 'native', 'build', EXECUTOR_NAME);
}
