import { AldeaError } from '../errors.js';
import type { ProductStatus } from '../schema/catalog.js';

/** What a seller can do to a product's status. */
export type StatusCommand = 'publish' | 'pause' | 'archive';

const TRANSITIONS: Record<StatusCommand, { from: readonly ProductStatus[]; to: ProductStatus }> = {
  publish: { from: ['draft', 'paused'], to: 'active' },
  pause: { from: ['active'], to: 'paused' },
  archive: { from: ['draft', 'active', 'paused'], to: 'archived' },
};

/** What publishing needs to know about a product. */
export interface PublishFacts {
  variantCount: number;
  hasTitle: boolean;
}

/**
 * Pure: the status a command moves a product to, or a CONFLICT saying why it
 * cannot. Publishing needs at least one variant and a title in some locale.
 *
 * @example
 * nextStatus('draft', 'publish', { variantCount: 1, hasTitle: true }); // 'active'
 */
export function nextStatus(
  current: ProductStatus,
  command: StatusCommand,
  facts: PublishFacts,
): ProductStatus {
  const t = TRANSITIONS[command];
  if (!t.from.includes(current)) {
    throw new AldeaError(
      'CONFLICT',
      `a product that is ${current} cannot be ${verbPast(command)}`,
      [
        {
          path: 'status',
          message: `cannot ${command} a product that is ${current}`,
          code: 'transition',
        },
      ],
    );
  }
  if (t.to === 'active') assertPublishable(facts);
  return t.to;
}

/** Throws a CONFLICT unless a product with these facts may be active. */
export function assertPublishable(facts: PublishFacts): void {
  if (facts.variantCount < 1) {
    throw new AldeaError('CONFLICT', 'add at least one variant before publishing', [
      { path: 'variants', message: 'add at least one variant before publishing', code: 'publish' },
    ]);
  }
  if (!facts.hasTitle) {
    throw new AldeaError('CONFLICT', 'give the product a title before publishing', [
      { path: 'texts', message: 'give the product a title before publishing', code: 'publish' },
    ]);
  }
}

function verbPast(command: StatusCommand): string {
  return command === 'publish' ? 'published' : command === 'pause' ? 'paused' : 'archived';
}
