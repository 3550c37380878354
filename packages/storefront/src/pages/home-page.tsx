import type { VillageView } from '@aldea/core';
import { countryName, type Ui } from '../components/ui.js';

/** The platform home: every village, each with where it is and the start of its story. */
export function HomePage({ ui, villages }: { ui: Ui; villages: VillageView[] }) {
  const { t, links } = ui;
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p class="lede">{t('home.intro')}</p>
      <section aria-labelledby="villages">
        <h2 id="villages">{t('home.villages')}</h2>
        {villages.length === 0 ? (
          <p>{t('home.empty')}</p>
        ) : (
          <ul class="grid">
            {villages.map((v) => (
              <li>
                <article class="card" lang={v.textLocale}>
                  <a href={links.platform(`/v/${v.slug}`)}>
                    <div class="body">
                      <h3>{v.name}</h3>
                      <p class="meta">
                        {[v.region, countryName(ui, v.country)].filter(Boolean).join(' · ')}
                      </p>
                      {v.story && <p>{excerpt(v.story, 160)}</p>}
                    </div>
                  </a>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The first `max` characters of a text, cut at a word boundary when there is one. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
