import { describe, expect, it } from 'vitest';
import { robotsTxt, sitemapXml } from './sitemap.js';

describe('sitemapXml', () => {
  it('lists each page once per locale with alternates, escaping URLs', () => {
    const xml = sitemapXml(['https://a.example/s/x?q=1&b=<2>']);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml.match(/<url>/g)).toHaveLength(3);
    expect(xml).toContain('<loc>https://a.example/s/x?q=1&amp;b=&lt;2&gt;&amp;lang=zh-CN</loc>');
    expect(xml).toContain('hreflang="es-MX"');
    expect(xml).not.toMatch(/<2>/);
  });
});

describe('robotsTxt', () => {
  it('disallows and lists sitemaps', () => {
    expect(robotsTxt({ disallow: ['/cart'], sitemaps: ['https://a.example/sitemap.xml'] })).toBe(
      'User-agent: *\nDisallow: /cart\nAllow: /\n\nSitemap: https://a.example/sitemap.xml\n',
    );
  });
});
