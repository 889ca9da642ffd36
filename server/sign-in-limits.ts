/** Failed sign-ins, counted per account and per client address, with exponential back-off:
 *  after `allowance` failures each further one makes the key wait `base × 2^k` (up to a
 *  maximum) before it is tried again. State is bounded: the least recently failed keys are
 *  forgotten first, and every key is forgotten a while after its last failure. */
import { LRUCache } from 'lru-cache';
import { isIPv6 } from 'node:net';

interface Strikes {
  failures: number;
  /** Epoch ms until which the key is refused. */
  until: number;
}

export interface BackoffSettings {
  allowance: number;
  baseMs: number;
  maxMs: number;
  /** Keys remembered at most. */
  maxKeys?: number;
}

export class FailureLimiter {
  private readonly strikes: LRUCache<string, Strikes>;
  /** Checks under way per key: parallel guesses count before their answers do. Entries leave at 0. */
  private readonly pending = new Map<string, number>();

  constructor(private readonly s: BackoffSettings) {
    // A key is forgotten a quarter of an hour after its longest possible wait has run out.
    this.strikes = new LRUCache<string, Strikes>({
      max: s.maxKeys ?? 10_000,
      ttl: s.maxMs + 15 * 60_000,
      ttlAutopurge: false,
    });
  }

  /** Milliseconds this key must still wait (0: it may try now). */
  waitMs(key: string, now = Date.now()): number {
    const e = this.strikes.get(key);
    return e && e.until > now ? e.until - now : 0;
  }

  /**
   * Admits one check for this key, or says how long to wait. Checks under way count against the
   * allowance as failures would, so that guesses sent all at once cannot outrun the count; once
   * over the allowance (and the back-off waited out), one check at a time. Call `end` after.
   */
  begin(key: string, now = Date.now()): number {
    const wait = this.waitMs(key, now);
    if (wait) return wait;
    const failures = this.strikes.get(key)?.failures ?? 0;
    const running = this.pending.get(key) ?? 0;
    if (failures >= this.s.allowance ? running > 0 : failures + running >= this.s.allowance) return this.s.baseMs;
    this.pending.set(key, running + 1);
    return 0;
  }

  end(key: string): void {
    const running = (this.pending.get(key) ?? 1) - 1;
    if (running > 0) this.pending.set(key, running);
    else this.pending.delete(key);
  }

  fail(key: string, now = Date.now()): void {
    const e = this.strikes.get(key) ?? { failures: 0, until: 0 };
    e.failures++;
    const over = e.failures - this.s.allowance;
    if (over >= 0) e.until = now + Math.min(this.s.maxMs, this.s.baseMs * 2 ** Math.min(over, 40));
    this.strikes.set(key, e);
  }

  forget(key: string): void {
    this.strikes.delete(key);
  }
}

/** When a failed sign-in is worth a row in the audit trail: the first failure of a key (account
 *  and address) in each window. `record` answers how many failures the row stands for (those
 *  since the key's last row, this one included), or 0 when no row is to be written. Bounded
 *  like the limiter: a forgotten key only means one more row. */
export class FailureTrail {
  private readonly keys: LRUCache<string, { since: number; failures: number }>;

  constructor(
    private readonly windowMs: number,
    maxKeys = 10_000,
  ) {
    this.keys = new LRUCache({ max: maxKeys });
  }

  record(key: string, now = Date.now()): number {
    const e = this.keys.get(key);
    if (e && now - e.since < this.windowMs) {
      e.failures++;
      return 0;
    }
    this.keys.set(key, { since: now, failures: 0 });
    return (e?.failures ?? 0) + 1;
  }
}

/** The address a client is limited by: IPv4 as is, IPv6 by its /64 (one host usually holds a
 *  whole /64, so counting single addresses would let it take a fresh one for each try). */
export function addressKey(ip: string | undefined): string {
  if (!ip) return '?';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.split('%')[0].split('::');
  const h = head ? head.split(':') : [];
  const t = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return (
    groups
      .slice(0, 4)
      .map((g) => parseInt(g, 16).toString(16))
      .join(':') + '::/64'
  );
}
