#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm ci / npm install build dist/ through `prepare`).
import { main } from '../dist/src/cli/main.js';

// A closed pipe (`throwfuzz fmt ... | head`) ends the output, not the process with a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
