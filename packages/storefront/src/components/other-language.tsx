import { languageName, type Ui } from './ui.js';

/**
 * Says that a seller text is shown in another language than the page's, so a
 * buyer is not surprised (and screen readers switch voice via `lang`).
 */
export function OtherLanguageNote({ ui, textLocale }: { ui: Ui; textLocale: string }) {
  if (textLocale === ui.locale) return null;
  return (
    <p class="note">{ui.t('product.otherLanguage', { language: languageName(ui, textLocale) })}</p>
  );
}
