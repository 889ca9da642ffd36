/** An OWS service (WMS, WFS, WMTS, CSW) answers KVP and POST XML at its own path and at /ows. */
import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';

export type OwsServiceName = 'WMS' | 'WFS' | 'WMTS' | 'CSW';

export interface OwsService {
  name: OwsServiceName;
  handle(req: Request, res: Response, ctx: AppContext): Promise<void>;
}
