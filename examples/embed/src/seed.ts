import {
  createProduct,
  createShop,
  createVillage,
  type Database,
  listVillages,
  platformContext,
  setManualRate,
  shopContext,
} from '@aldea/core';

/**
 * On an empty database: one village, one live shop with one product, and the
 * exchange rates its prices need — so the storefront has something to show.
 * Everything goes through `@aldea/core`, acting as the system.
 */
export async function seedIfEmpty(db: Database): Promise<boolean> {
  const ctx = platformContext(db, { actor: { kind: 'system', name: 'market-seed' } });
  if ((await listVillages(ctx)).length > 0) return false;

  const village = await createVillage(ctx, {
    slug: 'tlaloc',
    country: 'MX',
    defaultLocale: 'es-MX',
    defaultCurrency: 'MXN',
    texts: {
      'es-MX': { name: 'Tlaloc', region: 'Oaxaca', story: 'Alfareras de barro negro.' },
      en: { name: 'Tlaloc', region: 'Oaxaca', story: 'Potters of black clay.' },
    },
  });
  const shop = await createShop(ctx, {
    villageId: village.id,
    slug: 'casa-barro',
    baseCurrency: 'MXN',
    buyerCurrencies: ['USD', 'EUR'],
    defaultLocale: 'es-MX',
    locales: ['en'],
    status: 'live',
    texts: { 'es-MX': { name: 'Casa Barro' }, en: { name: 'Casa Barro' } },
  });
  const shopCtx = await shopContext(ctx, shop.id);
  await createProduct(shopCtx, {
    slug: 'jarro-barro-negro',
    status: 'active',
    texts: {
      'es-MX': { title: 'Jarro de barro negro', description: 'Bruñido a mano con cuarzo.' },
      en: { title: 'Black clay jug', description: 'Burnished by hand with quartz.' },
    },
    variants: [{ sku: 'JBN-1', price: '650', stockOnHand: 4, weightGrams: 900 }],
  });
  await setManualRate(ctx, { base: 'MXN', quote: 'USD', rate: '0.0545' });
  await setManualRate(ctx, { base: 'MXN', quote: 'EUR', rate: '0.0468' });
  return true;
}
