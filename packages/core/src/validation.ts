import type { z } from 'zod';
import { AldeaError } from './errors.js';

/**
 * Parses `input` with a zod schema, or throws a VALIDATION {@link AldeaError}
 * whose issues name each failing field. Every core command starts with this.
 *
 * @example
 * const input = parseInput(CreateProductInput, raw);
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
    code: i.code,
  }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new AldeaError('VALIDATION', `invalid input — ${summary}`, issues);
}
