/** Placeholder until issue #3 lands. */
import type { Router } from 'express';
import type { AppContext } from '../context.js';

export function mountOgcapi(_router: Router, _ctx: AppContext): void {}
