import type { Translate } from '@aldea/core';
import type { OnboardingMessageKey } from '../messages/index.js';

type T = Translate<OnboardingMessageKey>;

/** One printed card: the seller's name, the QR code (SVG made on the server), the code to type. */
export interface PrintCard {
  name: string;
  code: string;
  qrSvg: string;
  expiresAt: Date;
}

/** A sheet of invitation cards for a workshop, laid out two to a row for printing. */
export function PrintPage(props: {
  t: T;
  locale: string;
  styles: string;
  village: string;
  codeUrl: string;
  cards: PrintCard[];
  back: string;
}) {
  const { t } = props;
  const date = new Intl.DateTimeFormat(props.locale, { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <>
      <link rel="stylesheet" href={props.styles} />
      <p class="no-print small">
        <a href={props.back}>← {t('common.back')}</a>
      </p>
      <h1>{t('print.title', { village: props.village })}</h1>
      {props.cards.length === 0 ? (
        <p class="card">{t('print.none')}</p>
      ) : (
        <>
          <p class="hint">{t('print.how', { url: props.codeUrl })}</p>
          <ul class="cards">
            {props.cards.map((card) => (
              <li class="invite-card">
                <p class="village">{t('print.title', { village: props.village })}</p>
                {card.name && <p>{t('print.for', { name: card.name })}</p>}
                <span dangerouslySetInnerHTML={{ __html: card.qrSvg }} />
                <p>
                  {t('print.code')}: <span class="code">{card.code}</span>
                </p>
                <p class="small">{t('print.expires', { date: date.format(card.expiresAt) })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
