/** An error that knows its OGC exception code, locator and HTTP status. Each service renders
 *  it in its own schema (WMS ServiceExceptionReport, OWS ExceptionReport, OGC API JSON). */

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

export const missing = (param: string) => new OgcError('MissingParameterValue', `Parameter ${param} is required`, param);
export const invalid = (param: string, why: string) => new OgcError('InvalidParameterValue', why, param);
