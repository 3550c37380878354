import { z } from 'zod';

/** How a setting's raw text (from an environment variable) is turned into a value. */
export type SettingKind = 'path' | 'string' | 'integer' | 'boolean' | 'url' | 'secret';

/** One setting: its key in `aldea.config.json`, its environment variable and what it expects. */
export interface SettingSpec {
  /** The environment variable that sets it (wins over the file). */
  env: string;
  kind: SettingKind;
  /** What a valid value looks like, in words: shown when the value is wrong. */
  expected: string;
  /** One line for `aldea config` and the operator guide. */
  description: string;
  /** The value used when neither the file nor the environment sets it. */
  default?: string | number | boolean;
  schema: z.ZodType;
}

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{4,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/);

const hours = (max: number) => z.number().int().min(1).max(max);

/**
 * Every setting Aldea reads, by its key in `aldea.config.json`. The environment
 * variable of each wins over the file; command-line flags win over both.
 */
export const SETTINGS = {
  database: {
    env: 'ALDEA_DATABASE',
    kind: 'path',
    expected: 'a path to the SQLite database file, e.g. ./data/aldea.db',
    description: 'The SQLite database file (created by `aldea migrate`).',
    default: './data/aldea.db',
    schema: z.string().trim().min(1),
  },
  mediaDir: {
    env: 'ALDEA_MEDIA_DIR',
    kind: 'path',
    expected: 'a path to a writable directory, e.g. ./data/media',
    description: 'Where uploaded photos and their resized copies are stored.',
    default: './data/media',
    schema: z.string().trim().min(1),
  },
  port: {
    env: 'PORT',
    kind: 'integer',
    expected: 'a whole number from 0 to 65535 (0 picks a free port)',
    description: 'The TCP port `aldea serve` listens on.',
    default: 3000,
    schema: z.number().int().min(0).max(65535),
  },
  host: {
    env: 'ALDEA_HOST',
    kind: 'string',
    expected: 'an interface address such as 127.0.0.1, 0.0.0.0 or ::',
    description: 'The address `aldea serve` binds to; 127.0.0.1 behind a reverse proxy.',
    default: '127.0.0.1',
    schema: z
      .string()
      .trim()
      .regex(/^[0-9a-zA-Z.:-]+$/),
  },
  publicUrl: {
    env: 'ALDEA_PUBLIC_URL',
    kind: 'url',
    expected: 'an absolute http(s) URL without a path, e.g. https://shops.example.org',
    description: 'The address buyers use; for links in emails, sitemaps and payment redirects.',
    schema: z
      .url({ protocol: /^https?$/ })
      .refine((u) => URL.canParse(u) && ['', '/'].includes(new URL(u).pathname))
      .transform((u) => u.replace(/\/$/, '')),
  },
  baseDomain: {
    env: 'ALDEA_BASE_DOMAIN',
    kind: 'string',
    expected: 'a domain name, e.g. shops.example.org (then {shop}.shops.example.org works)',
    description: 'Serve each shop at {shop}.<base domain> as well as at /s/{shop}.',
    schema: domain,
  },
  secureCookies: {
    env: 'ALDEA_SECURE_COOKIES',
    kind: 'boolean',
    expected: 'true or false',
    description: 'Force the Secure flag on session cookies. Unset: set on HTTPS requests.',
    schema: z.boolean(),
  },
  trustProxy: {
    env: 'ALDEA_TRUST_PROXY',
    kind: 'boolean',
    expected: 'true or false',
    description: 'Behind a reverse proxy: trust X-Forwarded-For and X-Forwarded-Proto.',
    default: false,
    schema: z.boolean(),
  },
  pageCacheMb: {
    env: 'ALDEA_PAGE_CACHE_MB',
    kind: 'integer',
    expected: 'a whole number of megabytes from 0 to 4096 (0 turns the cache off)',
    description:
      'Rendered catalogue pages each server process keeps (see docs/decisions/015); 0 turns it off.',
    default: 64,
    schema: z.number().int().min(0).max(4096),
  },
  fxStaleAfterHours: {
    env: 'ALDEA_FX_STALE_AFTER_HOURS',
    kind: 'integer',
    expected: 'a whole number of hours from 1 to 8760',
    description: 'Warn (doctor, admin) when the newest FX rate is older than this.',
    default: 120,
    schema: hours(8760),
  },
  fxMaxAgeHours: {
    env: 'ALDEA_FX_MAX_AGE_HOURS',
    kind: 'integer',
    expected: 'a whole number of hours from 1 to 8760',
    description: 'Refuse to convert prices with a rate older than this.',
    default: 336,
    schema: hours(8760),
  },
  ecbUrl: {
    env: 'ALDEA_ECB_URL',
    kind: 'url',
    expected: 'an http(s) URL of an ECB reference-rate XML file',
    description: 'Where `aldea fx import --ecb` fetches rates when given no file.',
    default: 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml',
    schema: z.url({ protocol: /^https?$/ }),
  },
  stripeSecretKey: {
    env: 'STRIPE_SECRET_KEY',
    kind: 'secret',
    expected: 'a Stripe secret key starting with sk_ or rk_',
    description: 'Enables card payments through Stripe Checkout. Unset: manual methods only.',
    schema: z
      .string()
      .trim()
      .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/),
  },
  stripeWebhookSecret: {
    env: 'STRIPE_WEBHOOK_SECRET',
    kind: 'secret',
    expected: 'a Stripe webhook signing secret starting with whsec_',
    description: 'Verifies Stripe webhook signatures; required with a Stripe key.',
    schema: z
      .string()
      .trim()
      .regex(/^whsec_[A-Za-z0-9]+$/),
  },
  stripeApiUrl: {
    env: 'ALDEA_STRIPE_API_URL',
    kind: 'url',
    expected: 'an http(s) URL such as https://api.stripe.com',
    description:
      'Where the Stripe API is reached: a proxy, or a test double. Unset: Stripe itself.',
    schema: z.url({ protocol: /^https?$/ }),
  },
  smtpUrl: {
    env: 'ALDEA_SMTP_URL',
    kind: 'secret',
    expected: 'an smtp:// or smtps:// URL, e.g. smtps://user:pass@mail.example.org:465',
    description: 'Mail server for order and invitation emails. Unset: emails stay in the outbox.',
    schema: z.url({ protocol: /^smtps?$/ }),
  },
  mailFrom: {
    env: 'ALDEA_MAIL_FROM',
    kind: 'string',
    expected: 'an email address, optionally with a name: Aldea <shops@example.org>',
    description: 'The From address of emails; required with an SMTP URL.',
    schema: z
      .string()
      .trim()
      .regex(/^([^<>@]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/),
  },
  smsUrl: {
    env: 'ALDEA_SMS_URL',
    kind: 'url',
    expected: 'an http(s) URL such as https://api.twilio.com',
    description:
      'Where the Twilio Messages API is reached: Twilio, a compatible provider, or a test double.',
    default: 'https://api.twilio.com',
    schema: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')),
  },
  twilioAccountSid: {
    env: 'ALDEA_TWILIO_ACCOUNT_SID',
    kind: 'string',
    expected: 'a Twilio Account SID (AC followed by 32 hex digits) or a compatible account id',
    description: 'Enables SMS invitations through Twilio. Unset: SMS messages stay in the outbox.',
    schema: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{8,64}$/),
  },
  twilioAuthToken: {
    env: 'ALDEA_TWILIO_AUTH_TOKEN',
    kind: 'secret',
    expected: 'the Twilio auth token (or API secret) of that account',
    description: 'Authenticates SMS requests; required with an Account SID.',
    schema: z
      .string()
      .trim()
      .regex(/^\S{8,128}$/),
  },
  smsFrom: {
    env: 'ALDEA_SMS_FROM',
    kind: 'string',
    expected:
      'a phone number in E.164 (+15005550006), an alphanumeric sender ID (up to 11 letters and digits) or a Messaging Service SID (MG…)',
    description: 'Who text messages come from; required with an Account SID.',
    schema: z
      .string()
      .trim()
      .regex(/^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11})$/),
  },
} as const satisfies Record<string, SettingSpec>;

/** The key of one setting in `aldea.config.json`. */
export type SettingKey = keyof typeof SETTINGS;

/** All setting keys, in the order they are documented. */
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
