import type { Locale, Translate } from '@aldea/core';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';

/** What every component needs to speak the buyer's language and link correctly. */
export interface Ui {
  t: Translate<MessageKey>;
  locale: Locale;
  links: Links;
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** A language's name in the buyer's language ("chino", "Spanish"). */
export function languageName(ui: Pick<Ui, 'locale'>, tag: string): string {
  const key = `${ui.locale}:language`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([ui.locale], { type: 'language' });
    displayNames.set(key, names);
  }
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A country's name in the buyer's language, from its ISO 3166 code. */
export function countryName(ui: Pick<Ui, 'locale'>, code: string): string {
  const key = `${ui.locale}:region`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([ui.locale], { type: 'region' });
    displayNames.set(key, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
