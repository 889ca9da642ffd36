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
  | 'CannotLockAllFeatures';

/** HTTP status per code, as WFS 2.0 (Table D.2) and OWS Common 1.1 suggest. */
const STATUS: Partial<Record<OgcCode, number>> = {
  NotFound: 404,
  NoApplicableCode: 500,
  OperationProcessingFailed: 500,
  OperationNotSupported: 400,
};

export class OgcError extends Error {
  readonly status: number;
  constructor(
    readonly code: OgcCode,
    message: string,
    readonly locator?: string,
    status?: number,
  ) {
    super(message);
    this.status = status ?? STATUS[code] ?? 400;
  }
}

export const missing = (param: string) => new OgcError('MissingParameterValue', `Parameter ${param} is required`, param);
export const invalid = (param: string, why: string) => new OgcError('InvalidParameterValue', why, param);
