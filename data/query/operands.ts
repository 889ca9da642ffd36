/** How the operands of one comparison, BETWEEN or IN are typed: the one rule the SQL compiler
 *  (compile.ts) and the in-memory evaluator (evaluate.ts) both follow, so that they compare
 *  the same way. The first operand with a type (a property or a function) sets it; literals
 *  take that type and must read as a value of it; operands whose types belong to different
 *  families (text, number, boolean, time) all compare as text. */
import type { AttributeType } from '../catalogue/layer.js';
import type { Expr } from './types.js';

export type LiteralValue = string | number | boolean | null;

/** Types that compare with each other without a cast. */
export const FAMILY: Record<AttributeType, 'text' | 'number' | 'boolean' | 'time'> = {
  string: 'text',
  integer: 'number',
  number: 'number',
  boolean: 'boolean',
  date: 'time',
  datetime: 'time',
};

/** What a filter function returns (functions with no entry return their argument's type). */
export const FUNCTION_TYPE: Record<string, AttributeType> = {
  upper: 'string',
  lower: 'string',
  casei: 'string',
  strtouppercase: 'string',
  strtolowercase: 'string',
  strlength: 'integer',
  abs: 'number',
};

export const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/** Year, month, day, then optionally hour, minute, second, fraction; then an optional offset. */
export const DATE_TIME =
  /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?\s*$/;
export const BOOLEAN_WORDS: Record<string, boolean> = {
  t: true,
  true: true,
  y: true,
  yes: true,
  on: true,
  1: true,
  f: false,
  false: false,
  n: false,
  no: false,
  off: false,
  0: false,
};

export function isDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return false;
  return m[4] === undefined || (+m[4] <= 23 && +m[5] <= 59 && (m[6] === undefined || +m[6] <= 60));
}

/** Does a literal read as a value of this type? (Else PostgreSQL would fail on the cast.) */
export const LITERAL_OK: Record<AttributeType, (s: string) => boolean> = {
  string: () => true,
  integer: (s) => NUMBER.test(s) && Number.isFinite(Number(s)),
  number: (s) => NUMBER.test(s) && Number.isFinite(Number(s)),
  boolean: (s) => s.trim().toLowerCase() in BOOLEAN_WORDS,
  date: isDateTime,
  datetime: isDateTime,
};

export const TYPE_WORD: Record<AttributeType, string> = {
  string: 'text',
  integer: 'a number',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date (YYYY-MM-DD)',
  datetime: 'a date and time (RFC 3339)',
};

export const literalType = (v: string | number | boolean): AttributeType =>
  typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';

/** One operand: its type when it has one (property, function), else its literal value. */
export type Operand =
  { type: AttributeType | undefined; literal?: undefined } | { literal: LiteralValue; type?: undefined };

export interface Typing {
  /** The type literals are cast to (the first typed operand's), if any. */
  castTo: AttributeType | undefined;
  /** The type the operands compare as: `string` when their families differ; undefined only
   *  when every operand is a NULL literal. */
  as: AttributeType | undefined;
  /** The operands' families differ, so each is turned into text first. */
  asText: boolean;
}

export function typing(ops: Operand[]): Typing {
  const castTo = ops.find((o) => o.type !== undefined)?.type;
  const kinds = ops.map(
    (o) => o.type ?? (o.literal === null || o.literal === undefined ? undefined : (castTo ?? literalType(o.literal))),
  );
  const families = new Set(kinds.filter((k) => k !== undefined).map((k) => FAMILY[k!]));
  const asText = families.size > 1;
  return { castTo, asText, as: asText ? 'string' : (castTo ?? kinds.find((k) => k !== undefined)) };
}

/** Why a literal cannot be cast to a type, or undefined when it can. */
export function literalProblem(
  literal: string | number | boolean,
  castTo: AttributeType,
  what: string,
  about: string,
): string | undefined {
  if (LITERAL_OK[castTo](String(literal))) return undefined;
  return `"${String(literal).slice(0, 40)}" is not ${TYPE_WORD[castTo]}, as ${about} of ${what} needs`;
}

/** How an error names a non-literal operand. */
export const operandName = (e: Expr | undefined): string =>
  e && 'property' in e ? `property ${e.property}` : e && 'fn' in e ? `${e.fn}()` : 'the other operand';
