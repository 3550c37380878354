import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message the fake accepted, as Twilio would have received it. */
export interface ReceivedSms {
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
}

/** A local stand-in for Twilio's Messages API (`node:http`), for tests of the real sender. */
export interface FakeTwilio {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** Messages answered 201, in order. */
  received: ReceivedSms[];
  /** Statuses for the next requests, in order (400, 429, 500…); 201 once empty. */
  failNext: number[];
  /** Requests that were refused for their credentials or their path. */
  unauthorized: number;
  /** Stop answering the next request (to test a timeout); the socket stays open. */
  hangNext(): void;
  close(): Promise<void>;
}

const TWILIO_ERRORS: Record<number, { code: number; message: string }> = {
  400: { code: 21211, message: "The 'To' number is not a valid phone number." },
  401: { code: 20003, message: 'Authenticate' },
  429: { code: 20429, message: 'Too Many Requests' },
  500: { code: 20500, message: 'Internal Server Error' },
  503: { code: 20503, message: 'Service Unavailable' },
};

/**
 * Starts a fake Twilio on a free local port. It checks the path, the Basic
 * auth header and the form fields like Twilio does, and answers 201 with a
 * Twilio-shaped message resource.
 */
export async function startFakeTwilio(
  accountSid = 'AC00000000000000000000000000000001',
  authToken = 'test-auth-token',
): Promise<FakeTwilio> {
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  let hang = false;
  let count = 0;
  const fake: Omit<FakeTwilio, 'baseUrl' | 'close'> = {
    accountSid,
    authToken,
    received: [],
    failNext: [],
    unauthorized: 0,
    hangNext() {
      hang = true;
    },
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      raw += c;
    });
    req.on('end', () => {
      if (hang) {
        hang = false;
        return; // never answers
      }
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const fail = (status: number) =>
        answer(status, {
          ...TWILIO_ERRORS[status],
          status,
          more_info: 'https://www.twilio.com/docs/errors',
        });
      if (
        req.method !== 'POST' ||
        req.url !== `/2010-04-01/Accounts/${accountSid}/Messages.json` ||
        req.headers.authorization !== expectedAuth
      ) {
        fake.unauthorized++;
        return fail(401);
      }
      const status = fake.failNext.shift();
      if (status) return fail(status);
      const form = new URLSearchParams(raw);
      const to = form.get('To');
      const body = form.get('Body');
      const from = form.get('From');
      const messagingServiceSid = form.get('MessagingServiceSid');
      if (
        !req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ||
        !to ||
        !body ||
        (!from && !messagingServiceSid)
      ) {
        return fail(400);
      }
      fake.received.push({ to, from, messagingServiceSid, body });
      count++;
      answer(201, {
        sid: `SM${String(count).padStart(32, '0')}`,
        account_sid: accountSid,
        to,
        from,
        messaging_service_sid: messagingServiceSid,
        body,
        status: 'queued',
        num_segments: '1',
        direction: 'outbound-api',
        date_created: new Date().toUTCString(),
        error_code: null,
        error_message: null,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...fake,
    // received/failNext are shared arrays, so the spread keeps them live.
    get unauthorized() {
      return fake.unauthorized;
    },
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
