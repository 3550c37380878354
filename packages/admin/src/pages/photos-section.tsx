import type { ImageView, Translate } from '@aldea/core';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import { CsrfField } from '../ui/fields.js';
import { mediaUrl, thumbnailKey } from '../ui/media-url.js';

/**
 * A product's photos: upload several at once (the page script shrinks them to
 * ~2048 px in the browser and shows progress; without it the form posts the
 * originals), reorder, describe per language, delete.
 */
export function PhotosSection({
  t,
  links,
  csrf,
  shopId,
  productId,
  locales,
  images,
  problems,
  maxMegabytes,
}: {
  t: Translate<MessageKey>;
  links: Links;
  csrf: string;
  shopId: string;
  productId: string;
  locales: readonly string[];
  images: ImageView[];
  /** Translated refusals of the last upload. */
  problems?: string[];
  maxMegabytes: number;
}) {
  const base = links.product(shopId, productId, '/photos');
  return (
    <section class="card" id="photos">
      <h2>{t('photos.title')}</h2>
      <p class="hint">{t('photos.hint', { mb: maxMegabytes })}</p>
      {problems && problems.length > 0 && (
        <div class="notice error" role="alert">
          <ul>
            {problems.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <form
        method="post"
        action={base}
        enctype="multipart/form-data"
        class="upload"
        data-uploading={t('photos.uploading', { n: '{n}', total: '{total}' })}
        data-done={`${links.product(shopId, productId)}?ok=photos.done#photos`}
      >
        <CsrfField token={csrf} />
        <div class="field">
          <label for="photo-files">{t('photos.choose')}</label>
          <input id="photo-files" type="file" name="photos" accept="image/*" multiple />
        </div>
        <button type="submit" class="primary">
          {t('photos.upload')}
        </button>
        <progress class="upload-progress" max={100} value={0} hidden />
        <p class="upload-status" role="status" aria-live="polite" />
      </form>
      {images.length === 0 ? (
        <p>{t('photos.none')}</p>
      ) : (
        <ol class="photos">
          {images.map((img, i) => {
            const key = thumbnailKey(img);
            const one = `${base}/${encodeURIComponent(img.id)}`;
            return (
              <li id={`photo-${img.id}`}>
                {key ? (
                  <img
                    src={mediaUrl(links, shopId, key)}
                    alt={img.alt}
                    width={120}
                    height={Math.round((120 * img.height) / Math.max(img.width, 1))}
                    loading="lazy"
                  />
                ) : (
                  <span class="no-photo">{t('photos.processing')}</span>
                )}
                <div class="photo-actions">
                  <form method="post" action={`${one}/move`} class="inline">
                    <CsrfField token={csrf} />
                    <button type="submit" name="direction" value="up" disabled={i === 0}>
                      {t('photos.moveUp')}
                    </button>
                    <button
                      type="submit"
                      name="direction"
                      value="down"
                      disabled={i === images.length - 1}
                    >
                      {t('photos.moveDown')}
                    </button>
                  </form>
                  <details>
                    <summary>{t('photos.delete')}</summary>
                    <form method="post" action={`${one}/delete`}>
                      <CsrfField token={csrf} />
                      <input type="hidden" name="confirm" value="yes" />
                      <button type="submit" class="danger">
                        {t('photos.deleteConfirm')}
                      </button>
                    </form>
                  </details>
                </div>
                <form method="post" action={`${one}/alt`} class="alt">
                  <CsrfField token={csrf} />
                  {locales.map((l) => (
                    <div class="field" lang={l}>
                      <label for={`alt-${img.id}-${l}`}>
                        {t('photos.alt', { language: t(`lang.${l as 'en'}`) })}
                      </label>
                      <input
                        id={`alt-${img.id}-${l}`}
                        name={`alt.${l}`}
                        value={img.altTexts[l] ?? ''}
                        maxlength={300}
                      />
                    </div>
                  ))}
                  <button type="submit">{t('photos.saveAlt')}</button>
                </form>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
