import { operatorContext } from '@aldea/core';
import type { MiddlewareHandler } from 'hono';
import type { AdminEnv } from '../env.js';

/** Admits platform operators only (core decides); everyone else gets a 404. */
export function operatorOnly(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    c.set('operator', await operatorContext(c.get('platform')));
    await next();
  };
}
