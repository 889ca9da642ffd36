/** Placeholder until issue #2 lands. */
import type { Router } from 'express';
import type { AppContext } from '../context.js';

export function mountAdmin(_router: Router, _ctx: AppContext): void {}
