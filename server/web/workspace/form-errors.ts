/** A refused form's errors for people: which field, and what to do, in their language. The
 *  data/ functions throw OgcErrors with a locator (the field) and bilingual text; the workspace
 *  shows its own sentence where it has one, the error's rules where it lists them. */
import { OgcError } from '../../../data/errors.js';
import type { Lang } from '../i18n.js';
import { w } from '../i18n-workspace.js';

export interface FieldError {
  /** The form field, or 'form' for the form as a whole. */
  field: string;
  message: string;
}

/** Messages written "Indonesian / English" (data/people.ts): the half in `lang`. */
function half(message: string, lang: Lang): string {
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  return lang === 'en' ? parts[1] : parts[0];
}

export function fieldError(err: OgcError, lang: Lang): FieldError {
  const field = err.locator ?? 'form';
  const rules = (err.extra.details as { rules?: Array<{ id: string; en: string }> } | undefined)?.rules;
  if (rules?.length) return { field, message: rules.map((r) => (lang === 'en' ? r.en : r.id)).join('; ') + '.' };
  if (field === 'currentPassword' && err.status === 403) return { field, message: w(lang, 'wrongCurrent') };
  if (err.status === 403) return { field: 'form', message: w(lang, 'notAllowed') };
  if (/^Invalid value for /.test(err.message)) return { field, message: w(lang, 'invalidField') };
  return { field, message: half(err.message, lang) };
}

/** Runs a form's change; an OgcError below 500 comes back as the field's error. */
export async function attempt<T>(
  lang: Lang,
  fn: () => Promise<T>,
): Promise<{ ok: T; error?: undefined } | { ok?: undefined; error: FieldError; status: number }> {
  try {
    return { ok: await fn() };
  } catch (err) {
    if (err instanceof OgcError && err.status < 500) return { error: fieldError(err, lang), status: err.status };
    throw err;
  }
}
