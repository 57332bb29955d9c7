/**
 * `npm run bench -- NAME...`: runs the named benchmarks (bench/NAME.ts, compiled to dist/bench/NAME.js),
 * or all of them without a name. Each module exports `run(): Promise<void>` and prints its own numbers.
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.js') && f !== 'main.js' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();

const asked = process.argv.slice(2);
const unknown = asked.filter((n) => !available.includes(n));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')} (have: ${available.join(', ')})`);
  process.exit(2);
}
for (const name of asked.length > 0 ? asked : available) {
  const mod = (await import(`./${name}.js`)) as { run: () => Promise<void> };
  console.log(`== ${name}`);
  await mod.run();
}
