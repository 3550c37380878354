import { SmsSendError, type SmsSender } from '@aldea/core';

/**
 * Sends Aldea's texts (invitations, password resets by phone) through an SMS
 * provider with a JSON API instead of the built-in Twilio sender. A 4xx answer
 * (a bad number) is given up at once; 429, 5xx and network errors are retried
 * by the outbox with backoff.
 */
export function jsonSmsSender(opts: { url: string; key: string; sender: string }): SmsSender {
  return {
    async send({ to, text, id }) {
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ from: opts.sender, to, text, reference: id }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!res.ok) {
        const permanent = res.status >= 400 && res.status < 500 && res.status !== 429;
        throw new SmsSendError(`SMS API answered ${res.status}`, permanent, res.status);
      }
    },
  };
}
