import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/support/scratch-dir.js';
import { AldeaError, isAldeaError } from '../errors.js';
import { closestName } from './closest-name.js';
import { type LoadConfigOptions, loadConfig, redactConfig } from './load-config.js';

const tmp = () => scratchDir('aldea-config');

function failure(opts: LoadConfigOptions): AldeaError {
  try {
    loadConfig(opts);
  } catch (err) {
    if (err instanceof AldeaError) return err;
    throw err;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('gives working defaults with absolute paths when nothing is set', () => {
    const cwd = tmp();
    const { config, sources, file } = loadConfig({ env: {}, cwd });
    expect(config).toMatchObject({
      database: join(cwd, 'data/aldea.db'),
      mediaDir: join(cwd, 'data/media'),
      port: 3000,
      host: '127.0.0.1',
      trustProxy: false,
      fxStaleAfterHours: 120,
      pageCacheMb: 64,
    });
    expect(config.stripeSecretKey).toBeUndefined();
    expect(sources.port).toBe('default');
    expect(file).toBeNull();
  });

  it('layers file < environment < flags and resolves file paths against the file', () => {
    const cwd = tmp();
    const etc = join(cwd, 'etc');
    mkdirSync(etc);
    writeFileSync(
      join(etc, 'aldea.json'),
      JSON.stringify({ database: 'db/shop.db', port: 4000, host: '0.0.0.0', mediaDir: '/srv/m' }),
    );
    const { config, sources, file } = loadConfig({
      cwd,
      file: 'etc/aldea.json',
      env: {
        PORT: '5000',
        ALDEA_PUBLIC_URL: 'https://shops.example.org/',
        ALDEA_TRUST_PROXY: 'yes',
      },
      flags: { host: '::' },
    });
    expect(file).toBe(join(etc, 'aldea.json'));
    expect(config.database).toBe(join(etc, 'db/shop.db'));
    expect(config.mediaDir).toBe('/srv/m');
    expect(config.port).toBe(5000);
    expect(config.host).toBe('::');
    expect(config.trustProxy).toBe(true);
    expect(config.publicUrl).toBe('https://shops.example.org');
    expect(config.secureCookies).toBeUndefined();
    expect(sources).toMatchObject({ database: 'file', port: 'env', host: 'flag' });
  });

  it('reads aldea.config.json from the working directory when present', () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'aldea.config.json'), '{ "port": 8080 }');
    expect(loadConfig({ env: {}, cwd }).config.port).toBe(8080);
  });

  it.each([
    [{ PORT: 'abc' }, 'port', 'PORT (environment): expected a whole number from 0 to 65535'],
    [{ PORT: '70000' }, 'port', 'got "70000"'],
    [{ ALDEA_SECURE_COOKIES: 'maybe' }, 'secureCookies', 'expected true or false'],
    [{ ALDEA_PUBLIC_URL: 'shops.example.org' }, 'publicUrl', 'ALDEA_PUBLIC_URL (environment)'],
    [{ ALDEA_PUBLIC_URL: 'https://x.org/shop' }, 'publicUrl', 'without a path'],
    [{ ALDEA_BASE_DOMAIN: 'not a domain' }, 'baseDomain', 'expected a domain name'],
    [{ STRIPE_SECRET_KEY: 'pk_test_abc' }, 'stripeSecretKey', 'starting "pk_…"'],
    [{ ALDEA_FX_STALE_AFTER_HOURS: '0' }, 'fxStaleAfterHours', 'from 1 to 8760'],
    [{ ALDEA_PAGE_CACHE_MB: '-1' }, 'pageCacheMb', 'from 0 to 4096'],
    [{ ALDEA_PAGE_CACHE_MB: 'lots' }, 'pageCacheMb', 'megabytes'],
    [{ ALDEA_SMS_URL: 'ftp://sms.example.org' }, 'smsUrl', 'ALDEA_SMS_URL (environment)'],
    [{ ALDEA_TWILIO_ACCOUNT_SID: 'AC 123' }, 'twilioAccountSid', 'expected a Twilio Account SID'],
    [{ ALDEA_SMS_FROM: '415-123' }, 'smsFrom', 'expected a phone number in E.164'],
    [{ ALDEA_SMS_FROM: 'TooLongSender1' }, 'smsFrom', 'alphanumeric sender ID'],
  ])('names a wrong environment value %j', (env, key, text) => {
    const err = failure({ env, cwd: tmp() });
    expect(isAldeaError(err, 'VALIDATION')).toBe(true);
    expect(err.issues.map((i) => i.path)).toContain(key);
    expect(err.message).toContain(text);
  });

  it('never prints a secret it rejects', () => {
    const err = failure({ env: { STRIPE_SECRET_KEY: 'pk_live_supersecret' }, cwd: tmp() });
    expect(err.message).not.toContain('supersecret');
  });

  it('names a setting that is missing because another one is set', () => {
    const err = failure({
      env: { STRIPE_SECRET_KEY: 'sk_test_abc123', ALDEA_SMTP_URL: 'smtp://localhost:25' },
      cwd: tmp(),
    });
    expect(err.issues.map((i) => i.path).sort()).toEqual([
      'mailFrom',
      'publicUrl',
      'stripeWebhookSecret',
    ]);
    expect(err.message).toContain('STRIPE_WEBHOOK_SECRET is missing');
    expect(err.message).toContain('required because STRIPE_SECRET_KEY (environment) is set');
  });

  it('reads the SMS settings, with Twilio as the default endpoint', () => {
    const sid = `AC${'0a'.repeat(16)}`;
    const { config } = loadConfig({
      env: {
        ALDEA_TWILIO_ACCOUNT_SID: sid,
        ALDEA_TWILIO_AUTH_TOKEN: 'tok3n-s3cret-value',
        ALDEA_SMS_FROM: '+15005550006',
        ALDEA_PUBLIC_URL: 'https://shops.example.org',
      },
      cwd: tmp(),
    });
    expect(config).toMatchObject({
      smsUrl: 'https://api.twilio.com',
      twilioAccountSid: sid,
      twilioAuthToken: 'tok3n-s3cret-value',
      smsFrom: '+15005550006',
    });
    expect(redactConfig(config).twilioAuthToken).toBe('********');
    // A compatible provider or a test double; the URL alone enables nothing.
    const other = loadConfig({ env: { ALDEA_SMS_URL: 'http://127.0.0.1:4010/' }, cwd: tmp() });
    expect(other.config).toMatchObject({ smsUrl: 'http://127.0.0.1:4010' });
    expect(other.config.twilioAccountSid).toBeUndefined();
  });

  it.each([
    [
      { ALDEA_TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}` },
      ['smsFrom', 'twilioAuthToken'],
      'ALDEA_TWILIO_ACCOUNT_SID (environment)',
    ],
    [
      { ALDEA_TWILIO_AUTH_TOKEN: 'sup3rsecret-token' },
      ['smsFrom', 'twilioAccountSid'],
      'ALDEA_TWILIO_AUTH_TOKEN (environment)',
    ],
    [
      { ALDEA_SMS_FROM: 'Aldea', ALDEA_TWILIO_AUTH_TOKEN: 'sup3rsecret-token' },
      ['twilioAccountSid'],
      'ALDEA_TWILIO_ACCOUNT_SID is missing',
    ],
  ])('names the SMS settings missing when one of them is set (%j)', (env, missing, text) => {
    const err = failure({
      env: { ...env, ALDEA_PUBLIC_URL: 'https://shops.example.org' },
      cwd: tmp(),
    });
    expect(err.issues.map((i) => i.path).sort()).toEqual(missing);
    expect(err.message).toContain(text);
    expect(err.message).not.toContain('sup3rsecret');
  });

  it('needs the public URL for the links in SMS', () => {
    const err = failure({
      env: {
        ALDEA_TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
        ALDEA_TWILIO_AUTH_TOKEN: 'tok3n-s3cret-value',
        ALDEA_SMS_FROM: `MG${'f'.repeat(32)}`,
      },
      cwd: tmp(),
    });
    expect(err.issues.map((i) => i.path)).toEqual(['publicUrl']);
    expect(err.message).toContain('ALDEA_PUBLIC_URL is missing');
  });

  it('refuses a hard FX limit below the warning age', () => {
    const err = failure({
      env: { ALDEA_FX_STALE_AFTER_HOURS: '100', ALDEA_FX_MAX_AGE_HOURS: '50' },
      cwd: tmp(),
    });
    expect(err.issues[0]?.path).toBe('fxMaxAgeHours');
  });

  it('reports every problem at once, naming the file key and its source', () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'aldea.config.json'), JSON.stringify({ prot: 1, port: 'x' }));
    const err = failure({ env: { ALDEA_HOST: 'bad host!' }, cwd });
    expect(err.issues.map((i) => i.path).sort()).toEqual(['host', 'port', 'prot']);
    expect(err.message).toContain('unknown setting "prot"');
    expect(err.message).toContain('did you mean "port"?');
    expect(err.message).toContain(`"port" (in ${join(cwd, 'aldea.config.json')})`);
    expect(err.message).toContain('ALDEA_HOST (environment)');
  });

  it('names a flag by its option', () => {
    const err = failure({ env: {}, cwd: tmp(), flags: { port: '-1' } });
    expect(err.message).toContain('--port (command line)');
  });

  it('fails on a config file that is missing, not JSON, or not an object', () => {
    const cwd = tmp();
    expect(failure({ env: {}, cwd, file: 'nope.json' }).code).toBe('NOT_FOUND');
    expect(failure({ env: { ALDEA_CONFIG: 'gone.json' }, cwd }).code).toBe('NOT_FOUND');
    writeFileSync(join(cwd, 'bad.json'), '{ port: 1 ');
    expect(failure({ env: {}, cwd, file: 'bad.json' }).message).toContain('not valid JSON');
    writeFileSync(join(cwd, 'list.json'), '[1]');
    expect(failure({ env: {}, cwd, file: 'list.json' }).message).toContain('JSON object');
  });

  it('warns about unknown ALDEA_ variables, suggesting the right one', () => {
    const { warnings } = loadConfig({ env: { ALDEA_DATABSE: 'x.db', HOME: '/root' }, cwd: tmp() });
    expect(warnings).toEqual([
      'unknown environment variable ALDEA_DATABSE (did you mean ALDEA_DATABASE?)',
    ]);
  });

  it('masks secrets when printed', () => {
    const { config } = loadConfig({
      env: { STRIPE_SECRET_KEY: 'sk_test_abc123', STRIPE_WEBHOOK_SECRET: 'whsec_abc' },
      cwd: tmp(),
    });
    const shown = redactConfig(config);
    expect(shown.stripeSecretKey).toBe('********');
    expect(shown.port).toBe(3000);
    expect(JSON.stringify(shown)).not.toContain('abc123');
  });
});

describe('closestName', () => {
  it('suggests a name at most two edits away', () => {
    expect(closestName('prot', ['port', 'host'])).toBe('port');
    expect(closestName('completely', ['port'])).toBeUndefined();
  });
});
