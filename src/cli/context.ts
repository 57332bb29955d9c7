import type { Io } from './io.js';

/** Shared by the commands of one CLI invocation. */
export interface CliContext {
  readonly io: Io;
  exitCode: number;
}
