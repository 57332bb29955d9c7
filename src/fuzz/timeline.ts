/**
 * The throughput curve of a run, kept small: at most one point per `spacing` ms, and when more than MAX
 * points pile up, every other one is dropped and the spacing doubles (an hour-long run keeps a few hundred).
 */
import type { TimelinePoint } from './result.js';

const MAX = 400;

export class Timeline {
  private readonly kept: TimelinePoint[] = [];
  private spacing = 1000;
  private last: TimelinePoint | null = null;

  add(p: TimelinePoint): void {
    this.last = p;
    const prev = this.kept.at(-1);
    if (prev !== undefined && p.ms - prev.ms < this.spacing) return;
    this.kept.push(p);
    if (this.kept.length > MAX) {
      let j = 0;
      for (let i = 0; i < this.kept.length; i += 2) this.kept[j++] = this.kept[i]!;
      this.kept.length = j;
      this.spacing *= 2;
    }
  }

  /** The kept points and the latest one. */
  points(): readonly TimelinePoint[] {
    const prev = this.kept.at(-1);
    return this.last === null || prev === this.last ? [...this.kept] : [...this.kept, this.last];
  }
}
