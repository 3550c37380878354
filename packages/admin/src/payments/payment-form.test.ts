import { DEFAULT_PAYMENT_SETTINGS, type PaymentSettings } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { holdDays, readMethodsForm } from './payment-form.js';

const current: PaymentSettings = {
  ...DEFAULT_PAYMENT_SETTINGS,
  manualHoldHours: 36,
  instructions: { bank_transfer: { en: 'IBAN …', 'zh-CN': '农业银行' } },
};

describe('the payment methods form', () => {
  it('replaces the instructions of one language only and keeps the others', () => {
    const r = readMethodsForm(
      {
        'instructions.bank_transfer': 'CLABE 0721',
        'instructions.cash': '',
        'instructions.pay_at_coop': '',
        holdDays: String(holdDays(36)),
        notifyEmail: '',
      },
      ['bank_transfer'],
      { current, locale: 'es-MX', cardOffered: false },
    );
    expect(r).toEqual({
      ok: true,
      data: {
        manualMethods: ['bank_transfer'],
        // No card provider: the box is not shown, the shop's choice stays.
        cardEnabled: true,
        instructions: {
          bank_transfer: { en: 'IBAN …', 'zh-CN': '农业银行', 'es-MX': 'CLABE 0721' },
          cash: {},
          pay_at_coop: {},
        },
        // The days did not change (36 h shows as 2 days): the hours stay as they were.
        manualHoldHours: 36,
        notifyEmail: null,
      },
    });
  });

  it('needs a way to pay, whole days from 1 to 30, and clears a language emptied', () => {
    const none = readMethodsForm({ holdDays: '31' }, [], {
      current,
      locale: 'en',
      cardOffered: true,
    });
    expect(none.ok ? [] : none.issues.map((i) => [i.path, i.message])).toEqual([
      ['methods', 'payments.atLeastOne'],
      ['holdDays', 'payments.holdDaysInvalid'],
    ]);
    const cardOnly = readMethodsForm(
      { holdDays: '5', 'instructions.bank_transfer': '' },
      ['card'],
      {
        current,
        locale: 'en',
        cardOffered: true,
      },
    );
    expect(cardOnly.ok && cardOnly.data).toMatchObject({
      manualMethods: [],
      cardEnabled: true,
      manualHoldHours: 120,
      instructions: { bank_transfer: { 'zh-CN': '农业银行' } },
    });
  });
});
