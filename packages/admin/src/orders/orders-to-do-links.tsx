import type { OrdersToHandle, Translate } from '@aldea/core';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';

/**
 * The dashboard's order items of "what to do next", as `<li>`s for its action
 * list: payments to confirm, orders to ship (and how many are late), orders
 * that need a look. Nothing when nothing waits.
 */
export function OrdersToDoLinks({
  t,
  links,
  shopId,
  counts,
}: {
  t: Translate<MessageKey>;
  links: Links;
  shopId: string;
  counts: OrdersToHandle['counts'];
}) {
  const list = links.shop(shopId, '/orders');
  const items: { href: string; text: string }[] = [];
  if (counts.attention > 0) {
    items.push({
      href: `${list}#todo`,
      text: t('orders.todo.attention', { count: counts.attention }),
    });
  }
  if (counts.confirmPayment > 0) {
    items.push({
      href: `${list}?status=pending_payment#all`,
      text: t('orders.todo.confirm', { count: counts.confirmPayment }),
    });
  }
  if (counts.ship > 0) {
    const late =
      counts.overdue > 0 ? ` · ${t('orders.todo.overdue', { count: counts.overdue })}` : '';
    items.push({
      href: `${list}?status=paid#all`,
      text: `${t('orders.todo.ship', { count: counts.ship })}${late}`,
    });
  }
  // Nothing waits: the Orders tab is always there; the dashboard stays short.
  if (items.length === 0) return null;
  return (
    <>
      {items.map((i) => (
        <li>
          <a class="button" href={i.href}>
            {i.text}
          </a>
        </li>
      ))}
    </>
  );
}
