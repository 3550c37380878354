import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { AldeaError, type FieldIssue } from '../errors.js';
import { closestName } from './closest-name.js';
import { SETTING_KEYS, SETTINGS, type SettingKey } from './settings.js';

/** The name of the optional configuration file looked for in the working directory. */
export const CONFIG_FILE_NAME = 'aldea.config.json';

/** The environment variable that names a configuration file elsewhere. */
export const CONFIG_FILE_ENV = 'ALDEA_CONFIG';

/** Variables Aldea reads that are not settings (so they are not reported as misspelt). */
export const OTHER_ENV_VARS = [CONFIG_FILE_ENV, 'ALDEA_DEBUG'] as const;

/** The validated configuration shared by `aldea` commands and servers. Paths are absolute. */
export interface AldeaConfig {
  database: string;
  mediaDir: string;
  port: number;
  host: string;
  publicUrl?: string;
  baseDomain?: string;
  secureCookies?: boolean;
  trustProxy: boolean;
  /** Megabytes of rendered pages the storefront keeps per process (0: off). */
  pageCacheMb: number;
  fxStaleAfterHours: number;
  fxMaxAgeHours: number;
  ecbUrl: string;
  stripeSecretKey?: string;
  stripeWebhookSecret?: string;
  stripeApiUrl?: string;
  smtpUrl?: string;
  mailFrom?: string;
  smsUrl: string;
  twilioAccountSid?: string;
  twilioAuthToken?: string;
  smsFrom?: string;
}

/** Where a setting's value came from; later sources win: default < file < env < flag. */
export type SettingSource = 'default' | 'file' | 'env' | 'flag';

/** The result of {@link loadConfig}: the values, where each came from, and hints. */
export interface LoadedConfig {
  config: AldeaConfig;
  sources: Partial<Record<SettingKey, SettingSource>>;
  /** The configuration file that was read, or null when there was none. */
  file: string | null;
  /** Things that do not stop a start but probably are mistakes (a misspelt variable). */
  warnings: string[];
}

/** Inputs of {@link loadConfig}; everything defaults to the running process. */
export interface LoadConfigOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** An explicit configuration file (`--config`); must exist. */
  file?: string;
  /** Command-line values (`--database`, `--port` …), which win over everything else. */
  flags?: Partial<Record<SettingKey, unknown>>;
}

interface RawValue {
  value: unknown;
  source: SettingSource;
  /** Directory that relative paths are resolved against. */
  base: string;
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function whereLabel(key: SettingKey, source: SettingSource, file: string | null): string {
  if (source === 'env') return `${SETTINGS[key].env} (environment)`;
  if (source === 'flag') return `--${kebab(key)} (command line)`;
  if (source === 'file') return `"${key}" (in ${file})`;
  return `${key} (default)`;
}

function show(key: SettingKey, value: unknown): string {
  if (SETTINGS[key].kind === 'secret' && typeof value === 'string') {
    return value === '' ? 'an empty value' : `a value starting "${value.slice(0, 3)}…"`;
  }
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Environment and flag values are text: turn "3000" and "true" into what the setting holds. */
function fromText(key: SettingKey, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const kind = SETTINGS[key].kind;
  const text = value.trim();
  if (kind === 'integer' && /^-?\d+$/.test(text)) return Number(text);
  if (kind === 'boolean') {
    if (/^(true|1|yes|on)$/i.test(text)) return true;
    if (/^(false|0|no|off)$/i.test(text)) return false;
  }
  return value;
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new AldeaError('NOT_FOUND', `configuration file not found: ${file}`, [
        { path: 'config', message: `no file at ${file}`, code: 'not_found' },
      ]);
    }
    throw new AldeaError('VALIDATION', `cannot read configuration file ${file}: ${code}`, [], {
      cause: err,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const detail = (err as Error).message;
    throw new AldeaError('VALIDATION', `configuration file ${file} is not valid JSON: ${detail}`, [
      { path: 'config', message: `not valid JSON: ${detail}`, code: 'invalid_json' },
    ]);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AldeaError('VALIDATION', `configuration file ${file} must hold a JSON object`, [
      { path: 'config', message: 'expected a JSON object of settings', code: 'invalid_type' },
    ]);
  }
  return parsed as Record<string, unknown>;
}

function pickFile(opts: LoadConfigOptions, env: Record<string, string | undefined>, cwd: string) {
  const explicit = opts.file ?? (env[CONFIG_FILE_ENV] || undefined);
  if (explicit) return resolve(cwd, explicit);
  const implicit = resolve(cwd, CONFIG_FILE_NAME);
  return existsSync(implicit) ? implicit : null;
}

function unknownEnvWarnings(env: Record<string, string | undefined>): string[] {
  const known: string[] = [...OTHER_ENV_VARS, ...SETTING_KEYS.map((k) => SETTINGS[k].env)];
  return Object.keys(env)
    .filter((name) => name.startsWith('ALDEA_') && !known.includes(name))
    .map((name) => {
      const hint = closestName(name, known);
      return `unknown environment variable ${name}${hint ? ` (did you mean ${hint}?)` : ''}`;
    });
}

function crossFieldIssues(c: Partial<AldeaConfig>, label: (k: SettingKey) => string) {
  const issues: FieldIssue[] = [];
  const requires = (key: SettingKey, when: SettingKey) => {
    if (c[when] !== undefined && c[key] === undefined) {
      issues.push({
        path: key,
        code: 'required',
        message: `${SETTINGS[key].env} is missing: expected ${SETTINGS[key].expected} (required because ${label(when)} is set)`,
      });
    }
  };
  requires('stripeWebhookSecret', 'stripeSecretKey');
  requires('mailFrom', 'smtpUrl');
  requires('publicUrl', 'smtpUrl'); // links in emails must not come from a Host header
  // SMS: all three or none; each missing one is named once, after the first that is set.
  const sms = ['twilioAccountSid', 'twilioAuthToken', 'smsFrom'] as const;
  const smsSet = sms.find((k) => c[k] !== undefined);
  if (smsSet) {
    for (const key of sms) requires(key, smsSet);
    if (c.smtpUrl === undefined) requires('publicUrl', smsSet); // links in SMS too
  }
  if (
    c.fxMaxAgeHours !== undefined &&
    c.fxStaleAfterHours !== undefined &&
    c.fxMaxAgeHours < c.fxStaleAfterHours
  ) {
    issues.push({
      path: 'fxMaxAgeHours',
      code: 'too_small',
      message: `${label('fxMaxAgeHours')}: expected at least the warning age (${c.fxStaleAfterHours} hours), got ${c.fxMaxAgeHours}`,
    });
  }
  return issues;
}

/**
 * Reads the configuration from defaults, an optional `aldea.config.json` (or the
 * file named by `--config` / `ALDEA_CONFIG`), the environment and command-line
 * flags, in that order of precedence, and validates every setting before
 * anything runs. A wrong or missing setting is named with where it came from and
 * what was expected: a VALIDATION {@link AldeaError} whose issues carry the keys.
 *
 * @example
 * const { config } = loadConfig(); // PORT=abc → "PORT (environment): expected a whole number …"
 */
export function loadConfig(opts: LoadConfigOptions = {}): LoadedConfig {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const file = pickFile(opts, env, cwd);
  const fromFile = file ? readConfigFile(file) : {};
  const issues: FieldIssue[] = [];

  for (const key of Object.keys(fromFile)) {
    if (key === '$schema' || (SETTING_KEYS as string[]).includes(key)) continue;
    const hint = closestName(key, SETTING_KEYS);
    issues.push({
      path: key,
      code: 'unrecognized_key',
      message: `unknown setting "${key}" in ${file}${hint ? ` (did you mean "${hint}"?)` : ''}`,
    });
  }

  const raw = new Map<SettingKey, RawValue>();
  for (const key of SETTING_KEYS) {
    const spec: { default?: unknown; env: string } = SETTINGS[key];
    const flag = opts.flags?.[key];
    const envValue = env[spec.env];
    if (flag !== undefined) raw.set(key, { value: flag, source: 'flag', base: cwd });
    else if (envValue !== undefined && envValue !== '')
      raw.set(key, { value: envValue, source: 'env', base: cwd });
    else if (fromFile[key] !== undefined && fromFile[key] !== null)
      raw.set(key, { value: fromFile[key], source: 'file', base: dirname(file ?? cwd) });
    else if (spec.default !== undefined)
      raw.set(key, { value: spec.default, source: 'default', base: cwd });
  }

  const label = (key: SettingKey) => whereLabel(key, raw.get(key)?.source ?? 'default', file);
  const values: Partial<Record<SettingKey, unknown>> = {};
  for (const [key, { value, base }] of raw) {
    const spec = SETTINGS[key];
    const result = spec.schema.safeParse(fromText(key, value));
    if (!result.success) {
      issues.push({
        path: key,
        code: result.error.issues[0]?.code ?? 'invalid',
        message: `${label(key)}: expected ${spec.expected}, got ${show(key, value)}`,
      });
      continue;
    }
    const parsed = result.data;
    values[key] =
      spec.kind === 'path' && typeof parsed === 'string' && !isAbsolute(parsed)
        ? resolve(base, parsed)
        : parsed;
  }

  const partial = values as Partial<AldeaConfig>;
  issues.push(...crossFieldIssues(partial, label));

  if (issues.length > 0) {
    const lines = issues.map((i) => `  - ${i.message}`).join('\n');
    throw new AldeaError('VALIDATION', `invalid configuration:\n${lines}`, issues);
  }
  const sources: LoadedConfig['sources'] = {};
  for (const [key, { source }] of raw) sources[key] = source;
  return { config: partial as AldeaConfig, sources, file, warnings: unknownEnvWarnings(env) };
}

/** The configuration with secrets masked, for printing (`aldea config`, `aldea doctor`). */
export function redactConfig(config: AldeaConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const value = config[key];
    if (value === undefined) continue;
    out[key] = SETTINGS[key].kind === 'secret' ? '********' : value;
  }
  return out;
}
