import { describe, expect, it } from 'vitest';
import { assetAt, minifyCss, siteIcon, stylesheet } from './static-assets.js';

describe('static assets', () => {
  it('minifies the stylesheet without changing selectors or values', () => {
    expect(
      minifyCss(
        '/* c */\n.a  .b:hover,\n.c > d {\n  margin: 0 auto;\n  grid-template-columns: repeat(4, 1fr);\n}\n',
      ),
    ).toBe('.a .b:hover,.c > d{margin:0 auto;grid-template-columns:repeat(4,1fr)}');
  });

  it('fingerprints each asset by its content and finds it only at that URL', () => {
    const css = stylesheet();
    expect(css.href).toMatch(/^\/assets\/app\.[0-9a-f]{12}\.css$/);
    expect(css.body.length).toBeLessThan(8_000);
    expect(assetAt(css.href)).toBe(css);
    expect(assetAt(siteIcon().href)?.contentType).toBe('image/svg+xml');
    expect(assetAt('/assets/app.css')).toBeUndefined();
  });
});
