import type { Mailer } from '@aldea/core';

/**
 * Sends Aldea's emails through an HTTP email API (one JSON POST per message)
 * instead of SMTP. A 4xx answer will not get better by retrying: it is marked
 * `permanent`, so the outbox gives that message up at once; anything else is
 * retried with backoff.
 */
export function httpMailer(opts: { url: string; token: string }): Mailer {
  return {
    async send(email) {
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(email),
        signal: AbortSignal.timeout(30_000),
      });
      if (!res.ok) {
        const permanent = res.status >= 400 && res.status < 500;
        throw Object.assign(new Error(`email API answered ${res.status}`), { permanent });
      }
    },
    close() {},
  };
}
