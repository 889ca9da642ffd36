/** Sends a workflow step's e-mails once its transaction has committed, without holding up the
 *  answer: the step is done whatever the mail server does (failures are logged). Tests await
 *  `pendingMail` to see what was sent. */
import type { AppContext } from './context.js';
import { notifyStep, type StepTaken } from '../data/notifications/workflow-mail.js';

let pending: Promise<void> = Promise.resolve();

export function notifyAfterStep(ctx: AppContext, taken: StepTaken | null, base: string): void {
  if (!taken || !ctx.mailer) return;
  const layerUrl = `${base}/dataset/${encodeURIComponent(taken.layer.name)}`;
  pending = pending.then(() => notifyStep(ctx.db, ctx.mailer, taken, { layerUrl }, ctx.log));
}

/** Resolves when the mails asked for so far are sent (or failed and were logged). */
export const pendingMail = (): Promise<void> => pending;
