/** One text message ready to go. `id` is stable per outbox row (for logs and idempotency). */
export interface OutgoingSms {
  /** The recipient in E.164: `+5214151234567`. */
  to: string;
  text: string;
  id: string;
}

/**
 * Something that sends text messages. Throw to fail; an error with
 * `permanent: true` (a wrong number, a refused message) is not retried.
 */
export interface SmsSender {
  send(sms: OutgoingSms): Promise<void>;
  close?(): void;
}

/** A refused or failed SMS. `permanent` says retrying will not help. */
export class SmsSendError extends Error {
  override readonly name = 'SmsSendError';
  constructor(
    message: string,
    readonly permanent: boolean,
    /** The provider's HTTP status, when it answered. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An SMS error that retrying will not fix (`permanent: true`). */
export function isPermanentSmsError(err: unknown): boolean {
  return (err as { permanent?: boolean } | null)?.permanent === true;
}

/** Twilio's Messages API, or a provider that speaks it. */
export interface TwilioSmsOptions {
  accountSid: string;
  authToken: string;
  /**
   * The sender: a phone number in E.164, an alphanumeric sender ID, or a
   * Messaging Service SID (`MG…`, sent as `MessagingServiceSid`).
   */
  from: string;
  /** Default `https://api.twilio.com`; a compatible provider or a test server otherwise. */
  baseUrl?: string;
  /** Per request; keep below the outbox lease. Default 15 s. */
  timeoutMs?: number;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const MESSAGING_SERVICE = /^MG[0-9a-fA-F]{32}$/;

/** Twilio's error body: `{ code: 21211, message: "The 'To' number … is not valid", … }`. */
async function describeFailure(res: Response): Promise<string> {
  const body = await res.text().catch(() => '');
  try {
    const json = JSON.parse(body) as { code?: number; message?: string };
    if (json.message) return `${json.message}${json.code ? ` (code ${json.code})` : ''}`;
  } catch {
    // Not JSON (a proxy's HTML page): fall through to the status line.
  }
  return res.statusText || 'no reason given';
}

/** Why a request got no answer: a timeout, or the network error's code (ECONNREFUSED…). */
function networkReason(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return `no answer in ${timeoutMs} ms`;
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}

/**
 * An {@link SmsSender} over Twilio's Messages API with the global `fetch`:
 * `POST {baseUrl}/2010-04-01/Accounts/{sid}/Messages.json`, form-encoded, HTTP
 * Basic auth. A 4xx answer is permanent (wrong number, bad credentials) except
 * 429; a 5xx, a timeout or a network error is retried by the outbox.
 *
 * @example
 * const sms = twilioSmsSender({ accountSid: 'AC…', authToken: '…', from: '+15005550006' });
 * await sms.send({ to: '+5214151234567', text: 'Hola', id: 'outbox_…' });
 */
export function twilioSmsSender(opts: TwilioSmsOptions): SmsSender {
  const base = (opts.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(opts.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString('base64')}`;
  const sender = MESSAGING_SERVICE.test(opts.from) ? 'MessagingServiceSid' : 'From';
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    async send(sms) {
      if (!E164.test(sms.to)) {
        throw new SmsSendError(`not a phone number in E.164: ${sms.to}`, true);
      }
      const form = new URLSearchParams({ To: sms.to, [sender]: opts.from, Body: sms.text });
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: auth,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: form,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        const reason = networkReason(err, timeoutMs);
        throw new SmsSendError(`SMS provider unreachable: ${reason}`, false, undefined, {
          cause: err,
        });
      }
      if (res.ok) {
        await res.body?.cancel();
        return;
      }
      const reason = await describeFailure(res);
      const permanent = res.status >= 400 && res.status < 500 && res.status !== 429;
      throw new SmsSendError(
        `SMS refused with HTTP ${res.status}: ${reason}`,
        permanent,
        res.status,
      );
    },
  };
}
