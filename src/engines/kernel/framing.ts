/** Length-prefixed frames (u32 little-endian length, then the payload) on the executor's stdout. */
import { ProtocolError } from './protocol-error.js';

/**
 * Splits the executor's stdout into frames, whatever the chunking. Chunks of a large frame (a 4 MiB log
 * arrives in 64 KiB pieces) are joined once, when the frame is complete.
 */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Length of the frame being received (header included), once its header is in. */
  private needed: number | null = null;

  constructor(private readonly maxFrame = 1 << 30) {}

  /** Feed bytes; returns the payloads of the frames they complete. */
  push(chunk: Uint8Array): Buffer[] {
    this.chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.buffered += chunk.byteLength;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.needed === null) {
        if (this.buffered < 4) break;
        const len = this.join().readUInt32LE(0);
        if (len > this.maxFrame) throw new ProtocolError(`reply frame of ${len} bytes`);
        this.needed = 4 + len;
      }
      if (this.buffered < this.needed) break;
      const all = this.join();
      frames.push(all.subarray(4, this.needed));
      const rest = all.subarray(this.needed);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
      this.needed = null;
    }
    return frames;
  }

  /** Bytes received that do not yet form a frame. */
  get pending(): number {
    return this.buffered;
  }

  private join(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0]!;
  }
}
