import { describe, expect, it } from 'vitest';
import { fallbackFile, Picture } from './picture.js';

const image = {
  alt: 'Molcajete',
  altLocale: 'es-MX',
  width: 1600,
  height: 1200,
  placeholder: 'data:image/webp;base64,AAAA',
  files: [
    { format: 'webp', width: 320, height: 240, key: 's/m/w320.webp' },
    { format: 'webp', width: 1024, height: 768, key: 's/m/w1024.webp' },
    { format: 'avif', width: 320, height: 240, key: 's/m/w320.avif' },
    { format: 'webp', width: 640, height: 480, key: 's/m/w640.webp' },
  ],
};

describe('Picture', () => {
  it('offers AVIF then WebP srcsets with sizes, sets width and height, and lazy-loads by default', () => {
    const html = String(<Picture image={image} sizes="50vw" />);
    expect(html).toContain(
      '<source type="image/avif" srcset="/media/s/m/w320.avif 320w" sizes="50vw"/>',
    );
    expect(html).toContain(
      '<source type="image/webp" srcset="/media/s/m/w320.webp 320w, /media/s/m/w640.webp 640w, /media/s/m/w1024.webp 1024w" sizes="50vw"/>',
    );
    expect(html.indexOf('type="image/avif"')).toBeLessThan(html.indexOf('type="image/webp"'));
    expect(html).toMatch(
      /<img src="\/media\/s\/m\/w640.webp" alt="Molcajete" lang="es-MX" width="1600" height="1200" loading="lazy"/,
    );
    expect(html).toContain(
      'class="blur" src="data:image/webp;base64,AAAA" alt="" aria-hidden="true"',
    );
  });

  it('loads eagerly with high priority above the fold', () => {
    const html = String(<Picture image={image} sizes="100vw" eager />);
    expect(html).toContain('loading="eager"');
    expect(html).toContain('fetchpriority="high"');
  });

  it('never uses a placeholder that is not an image data URI', () => {
    const html = String(
      <Picture image={{ ...image, placeholder: 'javascript:alert(1)' }} sizes="1px" />,
    );
    expect(html).not.toContain('javascript:');
  });

  it('picks the fallback nearest the target width', () => {
    expect(fallbackFile(image, 1200)?.key).toBe('s/m/w1024.webp');
    expect(fallbackFile(image)?.key).toBe('s/m/w640.webp');
    expect(fallbackFile({ ...image, files: [] })).toBeUndefined();
  });
});
