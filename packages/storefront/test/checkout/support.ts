import {
  type Clock,
  createShippingRate,
  createShippingZone,
  createStripeProvider,
  manualProvider,
  type PaymentGateway,
  type ShopContext,
  setPaymentSettings,
} from '@aldea/core';
import type { Hono } from 'hono';
import type { FakeStripe } from '../../../core/test/support/stripe-fake/server.js';
import { createStorefront } from '../../src/index.js';
import { postForm } from '../support/http.js';
import { fixedClock, type LogLine, type World } from '../support/world.js';

export const SHOP = '/s/taller-rojas';

/** Shipping for Taller Rojas: Mexico with IVA included, the world by weight band. */
export async function shipsEverywhere(rojas: ShopContext): Promise<void> {
  const mx = await createShippingZone(rojas, {
    name: 'México',
    countries: ['MX'],
    taxRateBps: 1600,
    taxInclusive: true,
  });
  await createShippingRate(rojas, {
    zoneId: mx.id,
    name: { 'es-MX': 'Estafeta', en: 'Estafeta' },
    amountMinor: 15000,
    deliveryDaysMin: 2,
    deliveryDaysMax: 5,
  });
  const world = await createShippingZone(rojas, { name: 'Mundo', countries: ['*'] });
  await createShippingRate(rojas, {
    zoneId: world.id,
    name: { 'es-MX': 'Paquete internacional', en: 'International parcel' },
    amountMinor: 60000,
    deliveryDaysMin: 6,
    deliveryDaysMax: 12,
  });
  await setPaymentSettings(rojas, {
    manualMethods: ['bank_transfer', 'pay_at_coop'],
    instructions: {
      bank_transfer: {
        'es-MX': 'CLABE 0123 4567 8901 2345 67 (Banorte), a nombre de Taller Rojas.',
        en: 'CLABE 0123 4567 8901 2345 67 (Banorte), account name Taller Rojas.',
      },
    },
  });
}

/** The world's data served by a storefront with the given payment providers, logging into `logs`. */
export function appWith(
  w: World,
  payments: PaymentGateway,
  logs: LogLine[],
  opts: { publicUrl?: string; clock?: Clock } = {},
): Hono {
  return createStorefront({
    db: w.db,
    storage: w.storage,
    clock: opts.clock ?? fixedClock,
    payments,
    publicUrl: opts.publicUrl ?? 'http://localhost',
    logger: {
      info: (event, fields) => logs.push({ level: 'info', event, ...fields }),
      error: (event, fields) => logs.push({ level: 'error', event, ...fields }),
    },
  });
}

/** Manual methods only, or cards through the fake Stripe too. */
export function gatewayFor(fake?: FakeStripe): PaymentGateway {
  if (!fake) return { manual: manualProvider };
  return {
    manual: manualProvider,
    card: createStripeProvider({
      secretKey: 'sk_test_storefront',
      webhookSecret: fake.webhookSecret,
      host: '127.0.0.1',
      port: fake.port,
      protocol: 'http',
      checkoutOrigin: fake.url,
    }),
  };
}

/** A browser-like session: remembers cookies across requests. */
export class Session {
  private jar = new Map<string, string>();
  constructor(private app: Hono) {}

  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      const value = pair.slice(i + 1);
      if (value === '' || /Max-Age=0/i.test(line)) this.jar.delete(pair.slice(0, i));
      else this.jar.set(pair.slice(0, i), value);
    }
  }

  async get(path: string) {
    const res = await this.app.request(`http://localhost${path}`, {
      headers: { cookie: this.cookie },
    });
    this.keep(res);
    return {
      res,
      status: res.status,
      location: res.headers.get('location'),
      html: await res.text(),
    };
  }

  async post(path: string, fields: Record<string, string>) {
    const r = await postForm(this.app, path, fields, { cookie: this.cookie });
    this.keep(r.res);
    return r;
  }
}
