/** E-mails of the review workflow (data/access.ts WORKFLOW): a submission tells the walidata, a
 *  return tells the produsen's organisation, a publication tells whoever submitted the layer.
 *  Sent after the step's transaction has committed; a failure to send is logged and never undoes
 *  or fails the step. */
import type { Queryable } from '../db/types.js';
import type { WorkflowAction } from '../access.js';
import type { Mail, Mailer } from './mailer.js';

/** A step that was taken (data/layers/workflow.ts StepResult) and on what. */
export interface StepTaken {
  action: WorkflowAction;
  layer: { id: string; name: string; title: string; organisation: string };
  actor: string;
  note: string | null;
}

type Recipients = (db: Queryable, s: StepTaken) => Promise<string[]>;

const ACTIVE = `disabled_at IS NULL AND email IS NOT NULL`;
const emails = async (db: Queryable, where: string, params: unknown[]) =>
  (
    await db.query<{ email: string }>(
      `SELECT DISTINCT email FROM simpul.app_user WHERE ${ACTIVE} AND ${where} ORDER BY email`,
      params,
    )
  ).rows.map((r) => r.email);

/** Who submitted the layer last: the audit trail's latest `layer.submit`. */
const submitter: Recipients = async (db, s) => {
  const who = (
    await db.query<{ actor: string }>(
      `SELECT actor FROM simpul.audit WHERE layer_id = $1 AND action = 'layer.submit' ORDER BY id DESC LIMIT 1`,
      [s.layer.id],
    )
  ).rows[0];
  return who ? emails(db, 'username = $1', [who.actor]) : [];
};

/** Which steps mail whom, and what they say (Indonesian first, then English). */
const MAILS: Partial<
  Record<WorkflowAction, { to: Recipients; subject: (s: StepTaken) => string; text: (s: StepTaken) => string }>
> = {
  submit: {
    to: (db) => emails(db, `role = 'walidata'`, []),
    subject: (s) => `[Simpul] Pengajuan baru: ${s.layer.title} (${s.layer.name})`,
    text: (s) =>
      `${s.actor} mengajukan ${s.layer.name} untuk diperiksa.\n${s.actor} submitted ${s.layer.name} for review.`,
  },
  return: {
    to: (db, s) => emails(db, `role = 'produsen' AND organisation = $1`, [s.layer.organisation]),
    subject: (s) => `[Simpul] Dikembalikan: ${s.layer.title} (${s.layer.name})`,
    text: (s) =>
      `${s.actor} mengembalikan ${s.layer.name} / returned ${s.layer.name}.\n\nCatatan / note:\n${s.note ?? ''}`,
  },
  publish: {
    to: submitter,
    subject: (s) => `[Simpul] Disebarluaskan: ${s.layer.title} (${s.layer.name})`,
    text: (s) => `${s.layer.name} telah disebarluaskan oleh ${s.actor}.\n${s.layer.name} was published by ${s.actor}.`,
  },
};

/** The mails a step sends (none for steps nobody is told of). */
export async function stepMails(db: Queryable, s: StepTaken, links: { layerUrl: string }): Promise<Mail[]> {
  const m = MAILS[s.action];
  if (!m) return [];
  const to = await m.to(db, s);
  return to.length ? [{ to, subject: m.subject(s), text: `${m.text(s)}\n\n${links.layerUrl}\n` }] : [];
}

/** Sends a step's mails; never throws (logged instead). */
export async function notifyStep(
  db: Queryable,
  mailer: Mailer | null,
  s: StepTaken,
  links: { layerUrl: string },
  log: { warn(msg: string, fields?: object): void },
): Promise<void> {
  if (!mailer) return;
  try {
    for (const mail of await stepMails(db, s, links)) await mailer.send(mail);
  } catch (err) {
    log.warn('workflow e-mail not sent', { err, action: s.action, layer: s.layer.name });
  }
}
