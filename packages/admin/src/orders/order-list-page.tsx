import type {
  Locale,
  OrderStatus,
  OrderSummary,
  OrdersToHandle,
  OrderTask,
  Translate,
} from '@aldea/core';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import { formatDate } from '../ui/format.js';
import { methodText, moneyText, ORDER_FILTERS, statusBadge } from './order-format.js';

interface ListProps {
  t: Translate<MessageKey>;
  links: Links;
  locale: Locale;
  shopId: string;
  timeZone: string;
}

/** One order as a tappable row: number, buyer, total, status and what it waits for. */
function OrderRow(p: ListProps & { order: OrderSummary | OrderTask }) {
  const { t, order: o, locale } = p;
  const task = 'hasReceipt' in o ? o : undefined;
  return (
    <li>
      <a class="row-link" href={p.links.shop(p.shopId, `/orders/${o.id}`)}>
        <span>
          <strong>{t('orders.number', { number: o.number })}</strong>
          <span class="muted small">
            {' · '}
            {o.buyerName} · {o.country}
          </span>
          <br />
          <span class="small">
            {moneyText(locale, o.totalMinor, o.currency)} · {methodText(t, o.paymentMethod)} ·{' '}
            {t('orders.items', { count: o.itemCount })}
          </span>
          {o.status === 'paid' && (
            <>
              <br />
              <span class="small">
                {t('orders.shipBy', { date: formatDate(locale, o.shipBy, p.timeZone) })}
              </span>
            </>
          )}
          {task?.hasReceipt && (
            <>
              <br />
              <span class="small">{t('orders.todo.receipt')}</span>
            </>
          )}
        </span>
        <span class={task?.overdue ? 'badge archived' : statusBadge(o.status)}>
          {task?.overdue ? t('orders.late') : t(`orders.status.${o.status}`)}
        </span>
      </a>
    </li>
  );
}

function Group(
  p: ListProps & { title: string; hint?: string; items: OrderTask[]; count: number; more?: string },
) {
  if (p.count === 0) return null;
  return (
    <section>
      <h3>{p.title}</h3>
      {p.hint && <p class="hint">{p.hint}</p>}
      <ul class="list">
        {p.items.map((o) => (
          <OrderRow {...p} order={o} />
        ))}
      </ul>
      {p.more && p.count > p.items.length && (
        <p>
          <a href={p.more}>{p.t('orders.todo.more', { count: p.count })}</a>
        </p>
      )}
    </section>
  );
}

/** "What to do next": payments to confirm, orders to ship, orders flagged for a person. */
export function OrdersToDo(p: ListProps & { todo: OrdersToHandle }) {
  const { t, todo } = p;
  const list = p.links.shop(p.shopId, '/orders');
  const nothing = todo.counts.confirmPayment + todo.counts.ship + todo.counts.attention === 0;
  return (
    <section class="card" id="todo">
      <h2>{t('orders.todo.title')}</h2>
      {nothing && <p>{t('orders.todo.none')}</p>}
      {todo.counts.overdue > 0 && (
        <p class="notice error">{t('orders.todo.overdue', { count: todo.counts.overdue })}</p>
      )}
      <Group
        {...p}
        title={t('orders.todo.attention', { count: todo.counts.attention })}
        items={todo.attention}
        count={todo.counts.attention}
      />
      <Group
        {...p}
        title={t('orders.todo.confirm', { count: todo.counts.confirmPayment })}
        hint={t('orders.todo.confirmHint')}
        items={todo.confirmPayment}
        count={todo.counts.confirmPayment}
        more={`${list}?status=pending_payment`}
      />
      <Group
        {...p}
        title={t('orders.todo.ship', { count: todo.counts.ship })}
        items={todo.ship}
        count={todo.counts.ship}
        more={`${list}?status=paid`}
      />
    </section>
  );
}

/** The orders screen: what to do next first, then every order (filtered by status), newest first. */
export function OrderListPage(
  p: ListProps & {
    todo: OrdersToHandle;
    items: OrderSummary[];
    status: OrderStatus | undefined;
    nextHref: string | null;
  },
) {
  const { t } = p;
  const list = p.links.shop(p.shopId, '/orders');
  return (
    <>
      <h1>{t('orders.title')}</h1>
      {!p.status && <OrdersToDo {...p} />}
      <h2 id="all">{t('orders.all')}</h2>
      <nav class="pills" aria-label={t('orders.all')}>
        <a href={`${list}#all`} aria-current={!p.status ? 'true' : undefined}>
          {t('orders.filter.all')}
        </a>
        {ORDER_FILTERS.map((s) => (
          <a href={`${list}?status=${s}#all`} aria-current={p.status === s ? 'true' : undefined}>
            {t(`orders.status.${s}`)}
          </a>
        ))}
      </nav>
      {p.items.length === 0 ? (
        <p class="card">{p.status ? t('orders.emptyFilter') : t('orders.empty')}</p>
      ) : (
        <ul class="list">
          {p.items.map((o) => (
            <OrderRow {...p} order={o} />
          ))}
        </ul>
      )}
      {p.nextHref && (
        <p>
          <a href={p.nextHref} rel="next">
            {t('common.next')}
          </a>
        </p>
      )}
    </>
  );
}
