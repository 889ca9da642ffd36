/** A time budget per request, with cancellation. Each request gets an AbortSignal
 *  (`res.locals.signal`) that every database call it makes sees (data/db/request-scope.ts). The
 *  signal aborts when the client goes away before the answer is complete, or when the request has
 *  not begun to answer within its budget: the budget is time to first byte, so a large WFS or OGC
 *  API download streams as long as its client reads (bounded by SIMPUL_MAX_FEATURES, and a client
 *  that stops reading is dropped after the same budget: server/reply.ts). Uploads
 *  (multipart bodies) have their own, longer budget for sending the file and importing it.
 *  Over budget, the running query is cancelled; the service, whose awaited query then rejects,
 *  answers a 503 in its own format; if it has not after a short grace (it was drawing, not
 *  querying), the edge answers for it. */
import type { NextFunction, Request, Response } from 'express';
import type { AppContext } from './context.js';
import { withSignal } from '../data/db/request-scope.js';
import { OgcError } from '../data/errors.js';
import { sendEdgeError } from './edge-errors.js';

/** How long a service has to answer itself after its signal aborted. */
const GRACE_MS = 250;

export class RequestOverBudget extends OgcError {
  constructor(ms: number) {
    super(
      'OperationProcessingFailed',
      `The request took longer than its time budget (${ms / 1000} s) and was cancelled; ask for less (a smaller area, fewer features or layers)`,
      undefined,
      503,
    );
  }
}

export function budgetOf(req: Request, ctx: AppContext): number {
  return req.is('multipart/form-data') ? ctx.config.uploadTimeoutMs : ctx.config.requestTimeoutMs;
}

export function requestBudget(ctx: AppContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    const controller = new AbortController();
    res.locals.signal = controller.signal;
    const budget = budgetOf(req, ctx);
    res.locals.budgetMs = budget;
    let timer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    };
    const deadline = Date.now() + budget;
    const expire = () => {
      stop();
      if (res.headersSent || controller.signal.aborted) return;
      const err = new RequestOverBudget(budget);
      ctx.log.warn('request over budget', { id: res.locals.requestId, path: req.path, ms: budget });
      controller.abort(err);
      setTimeout(() => {
        if (!res.headersSent && !res.destroyed) sendEdgeError(req, res, err);
      }, GRACE_MS).unref();
    };
    if (budget > 0) {
      timer = setTimeout(expire, budget);
      timer.unref();
    }
    // Checked before each database statement too (see data/db/request-scope.ts).
    const check = () => {
      if (budget > 0 && timer && Date.now() >= deadline) expire();
    };
    // The budget is time to first byte: once the head is written, the stream takes over.
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: any[]) {
      stop();
      return (writeHead as any).apply(this, args);
    } as typeof res.writeHead;
    res.on('close', () => {
      stop();
      if (!res.writableFinished && !controller.signal.aborted)
        controller.abort(new Error('The client closed the connection'));
    });
    withSignal(controller.signal, next, check);
  };
}
