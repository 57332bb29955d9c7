/** The CLI's window on the world, injectable so commands run in-process in tests. */
import { promises as fs } from 'node:fs';
import { dirname, basename, join } from 'node:path';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Promise<Buffer>;
  /** Atomic write: temp file in the same directory, then rename. */
  readonly writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  /** Whether stdout is a terminal (progress bars, colour). */
  readonly isTty: boolean;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, path);
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => fs.readFile(path),
  writeFile: writeFileAtomic,
  isTty: process.stdout.isTTY,
};

/** A mistake in how the tool was called or in what it was given: one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Read a file the user named; a missing or unreadable file is their mistake, not a crash. */
export async function readUserFile(io: Io, path: string): Promise<Buffer> {
  try {
    return await io.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(e));
    throw new UsageError(`${path}: ${why}`);
  }
}
