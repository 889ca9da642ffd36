/** Placeholder until issue #6 lands. */
import type { Router } from 'express';
import type { AppContext } from '../context.js';

export function mountOgcapiRecords(_router: Router, _ctx: AppContext): void {}
