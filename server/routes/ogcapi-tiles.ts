/** Placeholder until issue #5 lands. */
import type { Router } from 'express';
import type { AppContext } from '../context.js';

export function mountOgcapiTiles(_router: Router, _ctx: AppContext): void {}
