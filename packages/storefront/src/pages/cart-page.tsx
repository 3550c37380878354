import { type CartView, formatMoney } from '@aldea/core';
import { Picture } from '../components/picture.js';
import type { Ui } from '../components/ui.js';

/** A short message after a cart action (`?updated=1`, `?error=stock&left=2`). */
export type CartNotice = { kind: 'ok' | 'bad'; text: string };

interface CartPageProps {
  ui: Ui;
  cart: CartView;
  notice: CartNotice | undefined;
  updateAction: string;
  removeAction: string;
  checkoutHref: string;
  continueHref: string;
  productHref: (slug: string) => string;
}

function LineProblems({
  ui,
  line,
  currency,
}: {
  ui: Ui;
  line: CartView['lines'][number];
  currency: string;
}) {
  const { t } = ui;
  const problems: string[] = [];
  if (line.unavailable) problems.push(t('cart.unavailable'));
  else {
    if (line.unpriced) problems.push(t('cart.unpriced', { currency }));
    if (line.outOfStock) {
      problems.push(
        line.available === 0 ? t('cart.soldOut') : t.plural('cart.lowStock', line.available),
      );
    }
    if (line.priceChanged && line.seenUnitPrice && line.unitPrice) {
      problems.push(
        t('cart.priceChanged', {
          old: formatMoney(line.seenUnitPrice, ui.locale),
          new: formatMoney(line.unitPrice, ui.locale),
        }),
      );
    }
  }
  if (problems.length === 0) return null;
  return (
    <ul class="problems">
      {problems.map((p) => (
        <li>{p}</li>
      ))}
    </ul>
  );
}

/** The cart: lines with current prices in the buyer's currency, what changed, the subtotal. */
export function CartPage(props: CartPageProps) {
  const { ui, cart } = props;
  const { t } = ui;
  return (
    <>
      <h1>{t('cart.title')}</h1>
      {props.notice && (
        <p class={`notice ${props.notice.kind}`} role="status">
          {props.notice.text}
        </p>
      )}
      {cart.lines.length === 0 ? (
        <p>{t('cart.empty')}</p>
      ) : (
        <>
          <table class="cart-table">
            <thead>
              <tr>
                <th scope="col">{t('cart.item')}</th>
                <th scope="col" class="num">
                  {t('cart.price')}
                </th>
                <th scope="col">{t('cart.quantity')}</th>
                <th scope="col" class="num">
                  {t('cart.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {cart.lines.map((line) => {
                const title = line.product?.title ?? line.sku;
                const qtyId = `q-${line.id}`;
                return (
                  <tr>
                    <td>
                      <div class="line-item">
                        {line.image && (
                          <div class="thumb">
                            <Picture image={line.image} sizes="4rem" square alt="" />
                          </div>
                        )}
                        <div>
                          {line.product && !line.unavailable ? (
                            <a
                              href={props.productHref(line.product.slug)}
                              lang={line.product.titleLocale}
                            >
                              {title}
                            </a>
                          ) : (
                            <span>{title}</span>
                          )}
                          {line.variantLabel && <div class="note">{line.variantLabel}</div>}
                          <LineProblems ui={ui} line={line} currency={cart.currency} />
                        </div>
                      </div>
                    </td>
                    <td class="num">
                      {line.unitPrice ? formatMoney(line.unitPrice, ui.locale) : '—'}
                    </td>
                    <td>
                      <form method="post" action={props.updateAction}>
                        <input type="hidden" name="lineId" value={line.id} />
                        <label class="visually-hidden" for={qtyId}>
                          {t('cart.quantityOf', { title })}
                        </label>
                        <input
                          id={qtyId}
                          type="number"
                          name="quantity"
                          value={String(line.quantity)}
                          min={1}
                          max={999}
                          inputmode="numeric"
                          required
                        />
                        <button class="btn quiet" type="submit">
                          {t('cart.update')}
                        </button>
                      </form>
                      <form method="post" action={props.removeAction}>
                        <input type="hidden" name="lineId" value={line.id} />
                        <button
                          class="btn quiet"
                          type="submit"
                          aria-label={t('cart.removeItem', { title })}
                        >
                          {t('cart.remove')}
                        </button>
                      </form>
                    </td>
                    <td class="num">
                      {line.lineTotal ? formatMoney(line.lineTotal, ui.locale) : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {!cart.complete && <p class="notice bad">{t('cart.incomplete')}</p>}
          <p class="totals">
            <span>{t('cart.subtotal')}</span>{' '}
            <strong>{formatMoney(cart.subtotal, ui.locale)}</strong>
          </p>
          <p class="note">{t('cart.shippingLater')}</p>
          {cart.subtotal.amountMinor > 0 && (
            <p>
              <a class="btn" href={props.checkoutHref}>
                {t('cart.checkout')}
              </a>
            </p>
          )}
        </>
      )}
      <p>
        <a href={props.continueHref}>{t('cart.continue')}</a>
      </p>
    </>
  );
}
