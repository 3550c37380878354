import { describe, expect, it } from 'vitest';
import { smsSize } from '../notifications/sms-segments.js';
import type { outbox } from '../schema/platform.js';
import type { PlatformContext } from '../tenancy/context.js';
import {
  INVITATION_MESSAGE,
  type InvitationMessage,
  invitationEmailRenderer,
  invitationSmsRenderer,
} from './invitation-message.js';

const ctx = {} as PlatformContext;
const opts = { publicUrl: 'https://shops.example.org' };
// A real link's length: a 43-character token under a village slug.
const url = `https://shops.example.org/admin/invite/comonfort/${'Ab3_x'.repeat(8)}Ab3`;

function row(over: Partial<InvitationMessage> = {}): typeof outbox.$inferSelect {
  const payload: InvitationMessage = {
    invitationId: 'inv_1',
    channel: 'sms',
    to: '+524151234567',
    name: 'Chayo',
    village: 'Comonfort',
    locale: 'es-MX',
    url,
    code: 'K7QM8-XRT2P',
    expiresAt: '2026-12-09T10:00:00.000Z',
    ...over,
  };
  return {
    id: 'outbox_1',
    shopId: null,
    kind: INVITATION_MESSAGE,
    dedupeKey: 'x',
    payload,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: new Date(),
    lockedUntil: null,
    lastError: null,
    createdAt: new Date(),
    sentAt: null,
  };
}

describe('invitationSmsRenderer', () => {
  it.each([
    ['es-MX', 'Comonfort', 'Hola, Chayo. Te invitamos', 'GSM-7', 'vence el 9 de diciembre de 2026'],
    ['en', 'Comonfort', 'Hello Chayo. You are invited', 'GSM-7', 'until December 9, 2026'],
    ['zh-CN', '白牛村', 'Aldea邀您为白牛村开网店', 'UCS-2', undefined],
  ])(
    'writes %s with the link and code in at most two segments',
    async (locale, village, words, encoding, date) => {
      const sms = await invitationSmsRenderer(ctx, row({ locale, village }), opts);
      expect(sms!.to).toBe('+524151234567');
      expect(sms!.text).toContain(words);
      expect(sms!.text).toContain(` ${url} `); // spaces around: phones link it whole
      expect(sms!.text).toContain('K7QM8-XRT2P');
      if (date) expect(sms!.text).toContain(date);
      expect(smsSize(sms!.text)).toMatchObject({ encoding });
      expect(smsSize(sms!.text).segments).toBeLessThanOrEqual(2);
    },
  );

  it('sheds the greeting and the date before the link or code when space runs out', async () => {
    const sms = await invitationSmsRenderer(
      ctx,
      row({ locale: 'zh-CN', village: '白牛村', name: '张秀英'.repeat(5) }),
      opts,
    );
    expect(sms!.text).not.toContain('张秀英');
    expect(sms!.text.startsWith('Aldea邀您')).toBe(true);
    expect(sms!.text).toContain(url);
    expect(smsSize(sms!.text).segments).toBeLessThanOrEqual(2);
  });

  it('keeps plain Spanish in GSM-7 (no á í ó ú in the template)', async () => {
    const sms = await invitationSmsRenderer(ctx, row({ name: '' }), opts);
    expect(sms!.text.startsWith('Te invitamos')).toBe(true);
    expect(smsSize(sms!.text).encoding).toBe('GSM-7');
  });

  it('each renderer takes only its own channel', async () => {
    expect(
      await invitationSmsRenderer(ctx, row({ channel: 'email', to: 'a@b.mx' }), opts),
    ).toBeNull();
    expect(await invitationEmailRenderer(ctx, row(), opts)).toBeNull();
    const email = await invitationEmailRenderer(ctx, row({ channel: 'email', to: 'a@b.mx' }), opts);
    expect(email).toMatchObject({
      to: ['a@b.mx'],
      subject: 'Abre tu tienda de Comonfort con Aldea',
    });
  });
});
