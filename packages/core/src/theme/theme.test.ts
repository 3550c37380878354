import { describe, expect, it } from 'vitest';
import { AldeaError } from '../errors.js';
import { resolveTheme, type ThemePalette, themeCss } from './theme.js';

const DEFAULTS: ThemePalette = {
  primary: '#8a3b12',
  primaryText: '#ffffff',
  background: '#fbf8f3',
  surface: '#ffffff',
  text: '#1d1b18',
  muted: '#57514a',
  border: '#ddd4c7',
};

const VARS = {
  primary: '--accent',
  primaryText: '--accent-ink',
  background: '--paper',
  surface: '--card',
  text: '--ink',
  muted: '--muted',
  border: '--line',
} as const;

function issuesOf(raw: unknown): { path: string; message: string }[] {
  try {
    resolveTheme(raw, DEFAULTS);
  } catch (e) {
    if (e instanceof AldeaError && e.code === 'VALIDATION') return e.issues;
    throw e;
  }
  throw new Error('expected a VALIDATION error');
}

describe('resolveTheme', () => {
  it('completes the palette with the defaults and remembers what was overridden', () => {
    const theme = resolveTheme(
      { brandName: ' Casa Tlaloc ', colors: { primary: '#0B5A3C', text: '#000' } },
      DEFAULTS,
    );
    expect(theme.brandName).toBe('Casa Tlaloc');
    expect(theme.overrides).toEqual({ primary: '#0b5a3c', text: '#000000' });
    expect(theme.palette).toEqual({ ...DEFAULTS, primary: '#0b5a3c', text: '#000000' });
  });

  it('accepts a font stack of quoted and bare names, in any script', () => {
    const fontStack = '"Noto Serif", \'PingFang SC\', 微软雅黑, Georgia, serif';
    expect(resolveTheme({ colors: { primary: '#123456' }, fontStack }, DEFAULTS).fontStack).toBe(
      fontStack,
    );
  });

  it('accepts an https logo and a path on this site', () => {
    for (const logoUrl of ['https://cdn.example.org/logo.svg', '/brand/logo.svg']) {
      expect(resolveTheme({ colors: { primary: '#123456' }, logoUrl }, DEFAULTS).logoUrl).toBe(
        logoUrl,
      );
    }
  });

  it('names the field of each malformed value', () => {
    const issues = issuesOf({
      brandName: '',
      colors: { primary: 'red', surface: '#12345' },
      logoUrl: 'javascript:alert(1)',
      fontStack: 'Georgia; } body { display: none',
    });
    expect(issues.map((i) => i.path).sort()).toEqual([
      'brandName',
      'colors.primary',
      'colors.surface',
      'fontStack',
      'logoUrl',
    ]);
  });

  it('refuses what could reach outside the stylesheet or the page', () => {
    for (const fontStack of ['a</style>', 'x{}', 'url(evil)', '"a"; color: red', 'a\\66']) {
      expect(issuesOf({ colors: { primary: '#123456' }, fontStack })[0]?.path).toBe('fontStack');
    }
    for (const logoUrl of ['//evil.example/x.png', 'http://cdn.example.org/logo.png', 'data:,x']) {
      expect(issuesOf({ colors: { primary: '#123456' }, logoUrl })[0]?.path).toBe('logoUrl');
    }
  });

  it('refuses a missing primary colour and unknown keys', () => {
    expect(issuesOf({ colors: {} }).map((i) => i.path)).toEqual(['colors.primary']);
    expect(issuesOf({ colors: { primary: '#123456', accent: '#000' } })[0]?.path).toBe('colors');
    expect(issuesOf({ colors: { primary: '#123456' }, logo: '/x.svg' })[0]?.path).toBe('');
  });

  it('refuses a brand colour too light for links, naming the contrast', () => {
    const [issue, ...rest] = issuesOf({ colors: { primary: '#f5c400' } });
    expect(issue?.path).toBe('colors.primary');
    expect(issue?.message).toMatch(/links: contrast with colors.background is 1\.\d:1/);
    expect(rest.map((i) => i.path)).toEqual(['colors.primary']); // button labels on it too
  });

  it('blames the colour that was changed, not the default it was checked against', () => {
    const issues = issuesOf({ colors: { primary: '#8a3b12', background: '#1d1b18' } });
    expect(issues.map((i) => i.path)).toContain('colors.background');
    expect(issues.map((i) => i.path)).not.toContain('colors.text');
  });

  it('leaves pairs it did not touch alone (the defaults are the app’s own business)', () => {
    const weak = { ...DEFAULTS, muted: '#cccccc' };
    expect(() => resolveTheme({ colors: { primary: '#8a3b12' } }, weak)).not.toThrow();
  });
});

describe('themeCss', () => {
  it('writes only the overridden colours, as the app’s variables, and the fonts on body', () => {
    const theme = resolveTheme(
      { colors: { primary: '#0b5a3c', border: '#ccc' }, fontStack: 'Georgia, serif' },
      DEFAULTS,
    );
    expect(themeCss(theme, VARS)).toBe(
      ':root{--accent:#0b5a3c;--line:#cccccc}body{font-family:Georgia, serif}',
    );
  });

  it('writes a colour the theme set even when it equals the default, and no font rule', () => {
    expect(themeCss(resolveTheme({ colors: { primary: DEFAULTS.primary } }, DEFAULTS), VARS)).toBe(
      ':root{--accent:#8a3b12}',
    );
  });
});
