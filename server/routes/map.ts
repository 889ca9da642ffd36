/** Placeholder until issue #5 lands. */
import type { Router } from 'express';
import type { AppContext } from '../context.js';

export function mountMap(_router: Router, _ctx: AppContext): void {}
