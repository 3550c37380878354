import { z } from 'zod';
import { AldeaError } from '../errors.js';
import { parseInput } from '../validation.js';
import { contrastRatio, expandHex, MIN_TEXT_CONTRAST } from './contrast.js';

/** A colour as `#rgb` or `#rrggbb` (hex only: it can be checked for contrast and cannot inject CSS). */
export const HexColor = z
  .string()
  .trim()
  .regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, 'use a hex colour such as #8a3b12')
  .transform(expandHex);

/** The colours a theme may set; only `primary` is required, the rest keep the app's own. */
export const ThemeColors = z
  .object({
    /** Links, buttons, the active tab. */
    primary: HexColor,
    /** Text on a `primary` background (buttons). */
    primaryText: HexColor.optional(),
    /** The page behind everything. */
    background: HexColor.optional(),
    /** Cards, panels and form fields. */
    surface: HexColor.optional(),
    /** Body text. */
    text: HexColor.optional(),
    /** Secondary text (hints, dates). */
    muted: HexColor.optional(),
    /** Lines and field borders. */
    border: HexColor.optional(),
  })
  .strict();

/** Every colour of a palette, as the apps keep their defaults. */
export type ThemePalette = Required<z.output<typeof ThemeColors>>;

const FAMILY = String.raw`(?:"[\p{L}\p{N} _-]+"|'[\p{L}\p{N} _-]+'|[\p{L}][\p{L}\p{N} _-]*)`;

/** A CSS font-family list: names, quoted or not, separated by commas — nothing else. */
export const FontStack = z
  .string()
  .trim()
  .max(300)
  .regex(
    new RegExp(`^${FAMILY}(?:\\s*,\\s*${FAMILY})*$`, 'u'),
    'use font names separated by commas, e.g. "Noto Serif", Georgia, serif',
  );

/** A logo address: `https://…`, or a path on this site (`/brand/logo.svg`). */
export const LogoUrl = z
  .string()
  .trim()
  .max(2048)
  .refine(
    (v) => (v.startsWith('/') && !v.startsWith('//')) || URL.canParse(v),
    'use an https:// address or a path starting with /',
  )
  .refine(
    (v) => v.startsWith('/') || new URL(v).protocol === 'https:',
    'an absolute logo address must use https',
  );

/**
 * An embedder's branding for the storefront and the admin: a name, colours, a
 * logo and fonts. Rendered as CSS custom properties in a stylesheet of its own
 * (the apps' CSP allows no inline styles).
 */
export const Theme = z
  .object({
    /** Replaces "Aldea" in the header and page titles. */
    brandName: z.string().trim().min(1).max(60).optional(),
    colors: ThemeColors,
    logoUrl: LogoUrl.optional(),
    fontStack: FontStack.optional(),
  })
  .strict();
export type Theme = z.input<typeof Theme>;

/** A validated theme, its palette completed with the app's defaults. */
export interface ResolvedTheme {
  brandName?: string;
  logoUrl?: string;
  fontStack?: string;
  /** Every colour, given or default. */
  palette: ThemePalette;
  /** Only the colours the theme set (what its stylesheet overrides). */
  overrides: Partial<ThemePalette>;
}

/** Pairs that must stay readable: [foreground, background, what it is]. */
const READABLE: readonly [keyof ThemePalette, keyof ThemePalette, string][] = [
  ['text', 'background', 'body text'],
  ['text', 'surface', 'text on cards'],
  ['muted', 'background', 'secondary text'],
  ['primary', 'background', 'links'],
  ['primaryText', 'primary', 'button labels'],
];

/**
 * Validates a theme and completes its palette with an app's `defaults`, then
 * checks that text stays readable (WCAG AA, 4.5:1) for every pair it changed —
 * a brand colour too light for links is refused before any page shows it.
 *
 * @example
 * resolveTheme({ colors: { primary: '#0b5' } }, defaults);
 * // AldeaError VALIDATION: colors.primary — links: contrast with colors.background is 2.3:1 …
 * @throws AldeaError VALIDATION, with an issue per field (`colors.primary`, `fontStack`, …)
 */
export function resolveTheme(raw: unknown, defaults: ThemePalette): ResolvedTheme {
  const theme = parseInput(Theme, raw);
  const overrides = Object.fromEntries(
    Object.entries(theme.colors).filter(([, v]) => v !== undefined),
  ) as Partial<ThemePalette>;
  const palette: ThemePalette = { ...defaults, ...overrides };
  const issues = READABLE.flatMap(([fg, bg, what]) => {
    if (!(fg in overrides) && !(bg in overrides)) return [];
    const ratio = contrastRatio(palette[fg], palette[bg]);
    if (ratio >= MIN_TEXT_CONTRAST) return [];
    const field = fg in overrides ? fg : bg;
    const other = field === fg ? bg : fg;
    return [
      {
        path: `colors.${field}`,
        message: `${what}: contrast with colors.${other} is ${ratio.toFixed(1)}:1; at least ${MIN_TEXT_CONTRAST}:1 is needed to be readable`,
        code: 'contrast',
      },
    ];
  });
  if (issues.length > 0) {
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new AldeaError('VALIDATION', `invalid theme — ${summary}`, issues);
  }
  return {
    ...(theme.brandName ? { brandName: theme.brandName } : {}),
    ...(theme.logoUrl ? { logoUrl: theme.logoUrl } : {}),
    ...(theme.fontStack ? { fontStack: theme.fontStack } : {}),
    palette,
    overrides,
  };
}

/**
 * The stylesheet of a resolved theme: each overridden colour as the app's CSS
 * custom property (`variables` maps palette keys to names such as `--accent`),
 * and the font stack on `body`. Only validated values reach it, so it cannot
 * carry anything but colours and font names.
 *
 * @example
 * themeCss(theme, { primary: '--accent', … }); // ':root{--accent:#0b6b50}'
 */
export function themeCss(
  theme: ResolvedTheme,
  variables: Record<keyof ThemePalette, `--${string}`>,
): string {
  const declarations = (Object.keys(theme.overrides) as (keyof ThemePalette)[])
    .map((key) => `${variables[key]}:${theme.overrides[key]}`)
    .join(';');
  return [
    declarations ? `:root{${declarations}}` : '',
    theme.fontStack ? `body{font-family:${theme.fontStack}}` : '',
  ].join('');
}
