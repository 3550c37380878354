import type { MediaView, ShopImages, Translate } from '@aldea/core';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import { CsrfField } from '../ui/fields.js';
import { mediaUrl, thumbnailKey } from '../ui/media-url.js';

/** A refused upload to show again next to its form. */
export interface ShopImageProblem {
  role: 'logo' | 'banner';
  message: string;
}

interface ShopImagesSectionProps {
  t: Translate<MessageKey>;
  links: Links;
  csrf: string;
  shopId: string;
  images: ShopImages;
  problem?: ShopImageProblem | undefined;
  maxMegabytes: number;
}

const THUMB_WIDTH = { logo: 96, banner: 240 } as const;

function Thumb({
  view,
  role,
  alt,
  src,
}: {
  view: MediaView;
  role: 'logo' | 'banner';
  alt: string;
  src: string;
}) {
  const width = Math.min(THUMB_WIDTH[role], view.width);
  return (
    <img
      class={`shop-${role}`}
      src={src}
      alt={alt}
      width={width}
      height={Math.max(1, Math.round((width * view.height) / Math.max(view.width, 1)))}
      loading="lazy"
    />
  );
}

/**
 * The shop's logo and banner: each shown small, with an upload form (multipart,
 * works without JavaScript) and a remove button. The banner form gets the page
 * script's in-browser downscale; the logo form does not, since that script
 * re-encodes to JPEG and a logo's transparency would turn black.
 */
export function ShopImagesSection(p: ShopImagesSectionProps) {
  const { t, links, shopId } = p;
  const base = links.shop(shopId, '/settings');
  return (
    <section class="card" id="branding">
      <h2>{t('branding.title')}</h2>
      <p class="hint">{t('branding.hint', { mb: p.maxMegabytes })}</p>
      {(['logo', 'banner'] as const).map((role) => {
        const view = p.images[role];
        const key = view ? thumbnailKey(view) : undefined;
        const problem = p.problem?.role === role ? p.problem.message : undefined;
        const inputId = `branding-${role}`;
        return (
          <div class="branding" id={`branding-${role}-part`}>
            <h3>{t(`branding.${role}`)}</h3>
            {view && key ? (
              <Thumb
                view={view}
                role={role}
                alt={t(`branding.${role}Current`)}
                src={mediaUrl(links, shopId, key)}
              />
            ) : (
              <p>{t('branding.none')}</p>
            )}
            {problem && (
              <div class="notice error" role="alert">
                <p>{problem}</p>
              </div>
            )}
            <form
              method="post"
              action={`${base}/${role}`}
              enctype="multipart/form-data"
              class={role === 'banner' ? 'upload' : undefined}
              data-uploading={t('photos.uploading', { n: '{n}', total: '{total}' })}
              data-done={`${base}?ok=common.saved#branding`}
            >
              <CsrfField token={p.csrf} />
              <div class="field">
                <label for={inputId}>{t(`branding.${role}Choose`)}</label>
                <input
                  id={inputId}
                  type="file"
                  name="photos"
                  accept="image/*"
                  aria-invalid={problem ? 'true' : undefined}
                />
              </div>
              <button type="submit" class="primary">
                {t('branding.upload')}
              </button>
              <progress class="upload-progress" max={100} value={0} hidden />
              <p class="upload-status" role="status" aria-live="polite" />
            </form>
            {view && (
              <form method="post" action={`${base}/${role}/remove`} class="inline">
                <CsrfField token={p.csrf} />
                <button type="submit" class="danger">
                  {t(`branding.${role}Remove`)}
                </button>
              </form>
            )}
          </div>
        );
      })}
    </section>
  );
}
