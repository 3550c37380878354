import type { Translate } from '@aldea/core';
import { LOCALES, type Locale } from '@aldea/core';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';

/** Each language named in itself, so a buyer finds theirs whatever the page is in. */
export const ENDONYMS: Readonly<Record<Locale, string>> = {
  en: 'English',
  'zh-CN': '中文',
  'es-MX': 'Español',
};

interface SwitchersProps {
  t: Translate<MessageKey>;
  links: Links;
  locale: Locale;
  currency: string | undefined;
  currencies: readonly string[];
}

/** One-tap language and currency switchers: plain links, no JavaScript. */
export function Switchers({ t, links, locale, currency, currencies }: SwitchersProps) {
  return (
    <div class="switchers">
      <nav aria-labelledby="sw-lang">
        <h2 id="sw-lang">{t('switch.language')}</h2>
        <ul class="hlist">
          {LOCALES.map((l) => (
            <li>
              <a
                href={links.switchTo({ lang: l })}
                lang={l}
                hreflang={l}
                aria-current={l === locale ? 'true' : undefined}
              >
                {ENDONYMS[l]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {currencies.length > 1 && (
        <nav aria-labelledby="sw-cur">
          <h2 id="sw-cur">{t('switch.currency')}</h2>
          <ul class="hlist">
            {currencies.map((code) => (
              <li>
                <a
                  href={links.switchTo({ currency: code })}
                  aria-current={code === currency ? 'true' : undefined}
                  rel="nofollow"
                >
                  {code}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
