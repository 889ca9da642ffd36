/** The request a database call is made for, so that its work can be cancelled when the request
 *  runs over its time budget or its client goes away. The HTTP layer runs each request inside
 *  `withSignal`; the adapters read `currentSignal()` and never start, and cancel where they can,
 *  the queries of an aborted request. Carried by AsyncLocalStorage so that no query site has to
 *  pass a signal along. */
import { AsyncLocalStorage } from 'node:async_hooks';

interface Scope {
  signal: AbortSignal;
  /** Called before each statement: may abort the signal (a deadline passed). Timers cannot be
   *  relied on alone: the embedded database runs statements on the main thread, and a request's
   *  statements may follow one another without the event loop ever reaching a timer. */
  check?: () => void;
}

const scope = new AsyncLocalStorage<Scope | undefined>();

/** Runs fn with the request's signal attached to every query it (and what it awaits) makes. */
export function withSignal<T>(signal: AbortSignal, fn: () => T, check?: () => void): T {
  return scope.run({ signal, check }, fn);
}

/** Runs fn outside any request: work shared by many requests (a catalogue refresh, a cache
 *  being filled) must not be cancelled because the request that happened to start it was. */
export function detached<T>(fn: () => T): T {
  return scope.run(undefined, fn);
}

/** The current request's signal, after checking its deadline. */
export function currentSignal(): AbortSignal | undefined {
  const s = scope.getStore();
  s?.check?.();
  return s?.signal;
}

/** The error a cancelled query rejects with: SQLSTATE 57014 (query_canceled), as PostgreSQL
 *  itself answers a cancelled statement, so services map both the same way (a 503). */
export class QueryCancelled extends Error {
  readonly code = '57014';
  constructor(reason: unknown) {
    super(reason instanceof Error ? reason.message : 'The request was cancelled');
    this.name = 'QueryCancelled';
  }
}

/** Throws when the current request has been aborted. */
export function throwIfAborted(signal: AbortSignal | undefined = currentSignal()): void {
  if (signal?.aborted) throw new QueryCancelled(signal.reason);
}

/** p, or a QueryCancelled rejection as soon as the signal aborts (p keeps running: the caller
 *  cancels it on the server and discards its outcome). */
export function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new QueryCancelled(signal.reason));
    if (signal.aborted) {
      p.catch(() => {});
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    // p's own outcome, unchanged: once the signal has aborted, onAbort has already settled this
    // promise (the abort event is dispatched synchronously), so a later rejection of p is ignored.
    p.finally(() => signal.removeEventListener('abort', onAbort)).then(resolve, reject);
  });
}
