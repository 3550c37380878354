import { describe, expect, it } from 'vitest';
import { isAldeaError } from '../errors.js';
import { PRODUCT_STATUSES, type ProductStatus } from '../schema/catalog.js';
import { nextStatus, type StatusCommand } from './product-status.js';

const ok = { variantCount: 1, hasTitle: true };

const legal: [ProductStatus, StatusCommand, ProductStatus][] = [
  ['draft', 'publish', 'active'],
  ['paused', 'publish', 'active'],
  ['active', 'pause', 'paused'],
  ['draft', 'archive', 'archived'],
  ['active', 'archive', 'archived'],
  ['paused', 'archive', 'archived'],
];

describe('nextStatus', () => {
  it.each(legal)('%s --%s--> %s', (from, command, to) => {
    expect(nextStatus(from, command, ok)).toBe(to);
  });

  const commands: StatusCommand[] = ['publish', 'pause', 'archive'];
  const illegal = PRODUCT_STATUSES.flatMap((from) =>
    commands
      .filter((c) => !legal.some(([f, lc]) => f === from && lc === c))
      .map((c) => [from, c] as const),
  );

  it.each(illegal)('refuses %s --%s--> with CONFLICT', (from, command) => {
    expect(() => nextStatus(from, command, ok)).toThrowError(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('refuses to publish without variants or without a title', () => {
    for (const facts of [
      { variantCount: 0, hasTitle: true },
      { variantCount: 2, hasTitle: false },
    ]) {
      try {
        nextStatus('draft', 'publish', facts);
        expect.unreachable();
      } catch (e) {
        expect(isAldeaError(e, 'CONFLICT')).toBe(true);
      }
    }
    // Pausing and archiving do not care.
    expect(nextStatus('active', 'pause', { variantCount: 0, hasTitle: false })).toBe('paused');
  });
});
