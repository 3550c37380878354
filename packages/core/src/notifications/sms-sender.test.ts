import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  isPermanentSmsError,
  SmsSendError,
  type SmsSender,
  twilioSmsSender,
} from './sms-sender.js';
import { type FakeTwilio, startFakeTwilio } from './testing/fake-twilio.js';

let twilio: FakeTwilio;
let sender: SmsSender;
const sms = { to: '+5214151234567', text: 'Hola, Chayo. ¿Abrimos tu tienda?', id: 'outbox_1' };

beforeAll(async () => {
  twilio = await startFakeTwilio();
  sender = twilioSmsSender({
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
    from: '+15005550006',
    baseUrl: `${twilio.baseUrl}/`,
  });
});
afterAll(() => twilio.close());
beforeEach(() => {
  twilio.received.length = 0;
  twilio.failNext.length = 0;
});

async function failure(send: Promise<void>): Promise<SmsSendError> {
  const err = await send.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SmsSendError);
  return err as SmsSendError;
}

describe('twilioSmsSender against a local Twilio', () => {
  it('posts To, From and Body, form-encoded, with Basic auth', async () => {
    await sender.send(sms);
    expect(twilio.received).toEqual([
      { to: sms.to, from: '+15005550006', messagingServiceSid: null, body: sms.text },
    ]);
    expect(twilio.unauthorized).toBe(0);
  });

  it('sends a Messaging Service SID as MessagingServiceSid, not From', async () => {
    const service = `MG${'a'.repeat(32)}`;
    const viaService = twilioSmsSender({
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      from: service,
      baseUrl: twilio.baseUrl,
    });
    await viaService.send(sms);
    expect(twilio.received[0]).toMatchObject({ from: null, messagingServiceSid: service });
  });

  it('treats a 400 (a wrong number) as permanent, with Twilio’s reason', async () => {
    twilio.failNext.push(400);
    const err = await failure(sender.send(sms));
    expect(err).toMatchObject({ permanent: true, status: 400 });
    expect(err.message).toContain('HTTP 400');
    expect(err.message).toContain('(code 21211)');
    expect(isPermanentSmsError(err)).toBe(true);
    expect(twilio.received).toEqual([]);
  });

  it.each([429, 500, 503])('treats a %i as temporary', async (status) => {
    twilio.failNext.push(status);
    const err = await failure(sender.send(sms));
    expect(err).toMatchObject({ permanent: false, status });
    expect(isPermanentSmsError(err)).toBe(false);
  });

  it('refuses wrong credentials for good, without echoing the token', async () => {
    const wrong = twilioSmsSender({
      accountSid: twilio.accountSid,
      authToken: 'wrong-secret-token',
      from: '+15005550006',
      baseUrl: twilio.baseUrl,
    });
    const before = twilio.unauthorized;
    const err = await failure(wrong.send(sms));
    expect(err).toMatchObject({ permanent: true, status: 401 });
    expect(err.message).not.toContain('wrong-secret-token');
    expect(twilio.unauthorized).toBe(before + 1);
  });

  it('refuses a number that is not E.164 before calling anyone', async () => {
    const before = twilio.unauthorized;
    const err = await failure(sender.send({ ...sms, to: '415 123 4567' }));
    expect(err.permanent).toBe(true);
    expect(err.status).toBeUndefined();
    expect(twilio.received).toEqual([]);
    expect(twilio.unauthorized).toBe(before);
  });

  it('gives up waiting after its timeout, to be retried', async () => {
    const impatient = twilioSmsSender({
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      from: '+15005550006',
      baseUrl: twilio.baseUrl,
      timeoutMs: 200,
    });
    twilio.hangNext();
    const err = await failure(impatient.send(sms));
    expect(err.permanent).toBe(false);
    expect(err.message).toContain('no answer in 200 ms');
  });

  it('retries when the provider cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const nowhere = twilioSmsSender({
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      from: '+15005550006',
      baseUrl: `http://127.0.0.1:${port}`,
    });
    const err = await failure(nowhere.send(sms));
    expect(err.permanent).toBe(false);
    expect(err.message).toContain('ECONNREFUSED');
  });
});
