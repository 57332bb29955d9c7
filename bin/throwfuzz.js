#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm ci / npm install build dist/ through `prepare`).
import { main } from '../dist/src/cli/main.js';

// A closed pipe (`throwfuzz fmt ... | head`) ends the output quietly. Any other write error (a full disk:
// ENOSPC) is one line and exit code 2, never a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`throwfuzz: cannot write output: ${e.code ?? e.message}\n`);
  process.exit(2);
});
process.exitCode = await main(process.argv.slice(2));
