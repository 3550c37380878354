import { type AldeaConfig, type Mailer, smtpMailer } from '@aldea/core';

/**
 * The mailer the configuration describes (`ALDEA_SMTP_URL`, e.g.
 * `smtps://user:pass@mail.example.org:465`), or undefined without one.
 */
export function mailerFromConfig(config: AldeaConfig): Mailer | undefined {
  if (!config.smtpUrl) return undefined;
  const url = new URL(config.smtpUrl);
  const secure = url.protocol === 'smtps:';
  return smtpMailer({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username
      ? {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }
      : {}),
  });
}
