/**
 * Writes as the run goes, never two at once: `request()` asks for a write of the latest state; a request that
 * comes while one is being written is folded into one more write after it. `flush()` waits for the last.
 * What is written is the caller's (temp file + rename), so a killed run leaves the last complete write.
 */
export class ReportSink {
  private running: Promise<void> | null = null;
  private again = false;
  private failure: Error | null = null;

  constructor(private readonly write: () => Promise<void>) {}

  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.write();
      } catch (e) {
        this.failure ??= e instanceof Error ? e : new Error(String(e));
      }
    } while (this.again);
    this.running = null;
  }

  /** Waits for the writes asked for so far; throws the first write that failed. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    if (this.failure !== null) throw this.failure;
  }
}
