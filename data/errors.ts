/** The node's one error type for a client-facing failure: an error that knows its OGC exception
 *  code, locator and HTTP status. Each OGC protocol renders it in its own schema (WMS
 *  ServiceExceptionReport, OWS ExceptionReport); every JSON API answers it as RFC 9457 problem
 *  details (`problem()` below). Anything else thrown is unexpected: `asOgcError` makes it a 500. */
import { STATUS_CODES } from 'node:http';
import { reply, type Reply } from './reply.js';

export type OgcCode =
  | 'MissingParameterValue'
  | 'InvalidParameterValue'
  | 'OperationNotSupported'
  | 'OptionNotSupported'
  | 'VersionNegotiationFailed'
  | 'InvalidUpdateSequence'
  | 'NoApplicableCode'
  | 'OperationParsingFailed'
  | 'OperationProcessingFailed'
  | 'NotFound'
  | 'LayerNotDefined'
  | 'StyleNotDefined'
  | 'InvalidSRS'
  | 'InvalidCRS'
  | 'InvalidFormat'
  | 'InvalidPoint'
  | 'LayerNotQueryable'
  | 'CurrentUpdateSequence'
  | 'TileOutOfRange'
  | 'PointIJOutOfRange'
  | 'ResponseCacheExpired'
  | 'CannotLockAllFeatures'
  // Codes of the node's own JSON API (RFC 9457 problem types), beside the OGC ones.
  | 'Unauthorized'
  | 'Forbidden'
  | 'Conflict'
  | 'PayloadTooLarge'
  | 'UnsupportedMediaType'
  | 'TooManyRequests'
  | 'ServiceUnavailable';

/** HTTP status per code, as WFS 2.0 (Table D.2) and OWS Common 1.1 suggest. */
const STATUS: Partial<Record<OgcCode, number>> = {
  NotFound: 404,
  NoApplicableCode: 500,
  OperationProcessingFailed: 500,
  OperationNotSupported: 400,
  Unauthorized: 401,
  Forbidden: 403,
  Conflict: 409,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  TooManyRequests: 429,
  ServiceUnavailable: 503,
};

/** What an error may carry beyond code, message and locator. */
export interface OgcErrorExtra {
  /** Seconds the client should wait (Retry-After) for a 429 or 503. */
  retryAfter?: number;
  /** Machine-readable details for a JSON problem (e.g. the list of what a layer is missing). */
  details?: Record<string, unknown>;
}

export class OgcError extends Error {
  readonly status: number;
  constructor(
    readonly code: OgcCode,
    message: string,
    readonly locator?: string,
    status?: number,
    readonly extra: OgcErrorExtra = {},
  ) {
    super(message);
    this.status = status ?? STATUS[code] ?? 400;
  }
}

export const missing = (param: string) =>
  new OgcError('MissingParameterValue', `Parameter ${param} is required`, param);
export const invalid = (param: string, why: string) => new OgcError('InvalidParameterValue', why, param);

/** The code for a JSON API's failure named by its HTTP status (the node's own problem types). */
const CODE_BY_STATUS: Record<number, OgcCode> = {
  400: 'InvalidParameterValue',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  429: 'TooManyRequests',
  500: 'NoApplicableCode',
  503: 'ServiceUnavailable',
};

/** An OgcError named by its HTTP status (400 InvalidParameterValue, 403 Forbidden, 404 NotFound…). */
export const httpError = (status: number, message: string, extra: OgcErrorExtra = {}, locator?: string) =>
  new OgcError(CODE_BY_STATUS[status] ?? 'NoApplicableCode', message, locator, status, extra);

/** Turns anything thrown into an OgcError, in this one place: a cancelled query (the request's
 *  budget, data/db/request-scope.ts QueryCancelled, or PostgreSQL's statement timeout) is a 503;
 *  a value PostgreSQL refuses for its type a 400; anything else a 500 with no internals. */
export function asOgcError(err: unknown): OgcError {
  if (err instanceof OgcError) return err;
  const code = (err as any)?.code;
  if (code === '57014')
    return new OgcError(
      'OperationProcessingFailed',
      (err as Error).name === 'QueryCancelled' ? (err as Error).message : 'The request took too long and was cancelled',
      undefined,
      503,
      { retryAfter: 5 },
    );
  if (typeof code === 'string' && /^22/.test(code))
    return new OgcError('InvalidParameterValue', 'A parameter value is not valid for its type');
  return new OgcError('NoApplicableCode', 'Internal error while processing the request', undefined, 500);
}

/** An error the client did not cause (a fault of ours, to log with its stack). */
export const isUnexpected = (err: unknown) => asOgcError(err).status === 500;

/** Seconds for Retry-After: the error's own, else 5 for a deliberate 503 or a 429. */
export function retryAfter(e: OgcError): number | undefined {
  return e.extra.retryAfter ?? (e.status === 503 || e.status === 429 ? 5 : undefined);
}

/** RFC 9457 problem details, with the OGC `code`, `locator` and `details` as extension members. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  locator?: string;
  requestId?: string;
  [extension: string]: unknown;
}

/** The problem document of an error; `requestId` is shown on a 500, so that an operator finds
 *  its cause in the log. */
export function problem(err: unknown, requestId?: string): Problem {
  const e = asOgcError(err);
  return {
    ...(e.extra.details ?? {}),
    type: 'about:blank',
    title: STATUS_CODES[e.status] ?? 'Error',
    status: e.status,
    detail: e.message,
    code: e.code,
    ...(e.locator ? { locator: e.locator } : {}),
    ...(e.status >= 500 && requestId ? { requestId } : {}),
  };
}

/** Headers of an error reply: Retry-After when the client should come back. */
export function problemHeaders(err: unknown): Record<string, string> {
  const s = retryAfter(asOgcError(err));
  return s === undefined ? {} : { 'retry-after': String(s) };
}

/** An error as an `application/problem+json` reply: what every JSON API answers. */
export function problemReply(err: unknown, requestId?: string): Reply {
  const doc = problem(err, requestId);
  return reply(doc.status, 'application/problem+json', JSON.stringify(doc), problemHeaders(err));
}
