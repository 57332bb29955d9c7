/** The CLI's window on the world, injectable so commands run in-process in tests. */
import { closeSync, openSync, readSync } from 'node:fs';
import { MAX_TEXT_BYTES } from '../bpf/limits.js';
import { printable } from '../bpf/source-error.js';
import { writeFileAtomic } from '../write-atomic.js';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /**
   * Read a file, but at most `maxBytes + 1` bytes of it (one more than the caller allows, so it can tell a
   * file that is too large): /dev/zero must end. `readFileBounded` is the real one.
   */
  readonly readFile: (path: string, maxBytes: number) => Promise<Buffer>;
  /** Atomic write: temp file in the same directory, then rename. */
  readonly writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  /** Whether stdout is a terminal (progress bars, colour). */
  readonly isTty: boolean;
}

// The one atomic writer (report files use it too); re-exported where the CLI's Io is built.
export { writeFileAtomic };

/**
 * Read at most `maxBytes + 1` bytes of a file (one more than allowed, so the caller can tell "too large").
 * Streams and stops: /dev/zero, a FIFO or a file that grows all end, and a size stat reports (0 for
 * /dev/zero) is never trusted. The reads are synchronous: sysfs files such as the kernel's BTF come a page
 * per read(), and a thread-pool round trip per page costs a hundred times the read.
 */
export function readFileBounded(path: string, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const fd = openSync(path, 'r');
    try {
      const chunks: Buffer[] = [];
      let total = 0;
      let chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1));
      let used = 0;
      while (total <= maxBytes) {
        const n = readSync(fd, chunk, used, Math.min(chunk.length - used, maxBytes + 1 - total), null);
        if (n === 0) break;
        used += n;
        total += n;
        if (used === chunk.length) {
          chunks.push(chunk);
          chunk = Buffer.allocUnsafe(Math.min(1 << 20, Math.max(1, maxBytes + 1 - total)));
          used = 0;
        }
      }
      chunks.push(chunk.subarray(0, used));
      resolve(Buffer.concat(chunks, total));
    } finally {
      closeSync(fd);
    }
  });
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: readFileBounded,
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

/** How much of a file a command reads, and what to call the limit when a file is larger. */
export interface ReadLimit {
  readonly bytes: number;
  readonly why: string;
}

export const TEXT_FILE_LIMIT: ReadLimit = { bytes: MAX_TEXT_BYTES, why: 'the limit for a text file' };

/**
 * Read a file the user named; a missing, unreadable or too large file is their mistake, not a crash. The
 * read stops one byte past the limit, so nothing the user names can take more memory than that.
 */
export async function readUserFile(
  io: Io,
  path: string,
  limit: ReadLimit = TEXT_FILE_LIMIT,
): Promise<Buffer> {
  let data: Buffer;
  try {
    data = await io.readFile(path, limit.bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(e));
    throw new UsageError(`${printable(path)}: ${printable(why)}`);
  }
  if (data.length > limit.bytes)
    throw new UsageError(`${printable(path)}: larger than ${limit.bytes} bytes (${limit.why})`);
  return data;
}
