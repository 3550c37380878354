/**
 * The data generator of bench/catalog.ts (files starting with `_` are not run
 * as benchmarks). Raw better-sqlite3, not core: it must write 100,000 products
 * in seconds, and what it writes is what core's commands would.
 */
import BetterSqlite3 from 'better-sqlite3';

/** The ids the generator gives: `prefix_` and a zero-padded base-36 number. */
export const id = (prefix: string, n: number) => `${prefix}_${n.toString(36).padStart(12, '0')}`;
const GRADES = ['特级', '一级', '二级'];
const SIZES = ['chico', 'mediano', 'grande', 'familiar'];

/**
 * Writes `shops` × `perShop` products into a migrated database file with
 * prepared inserts, a few transactions of ~10,000 products each. Shops
 * alternate between a Chinese (CNY, zh-CN) and a Mexican (MXN, es-MX)
 * village; every 10th product is a draft, every other one has two variants.
 */
export function generateCatalog(
  file: string,
  { shops: SHOPS, perShop: PER_SHOP }: { shops: number; perShop: number },
): { ms: number; rows: number } {
  const started = performance.now();
  const gen = new BetterSqlite3(file);
  gen.pragma('journal_mode = WAL');
  gen.pragma('synchronous = OFF');
  gen.pragma('foreign_keys = OFF'); // the data is consistent by construction
  gen.pragma('cache_size = -1048576'); // 1 GB: the FTS segments and indexes stay in memory
  gen.pragma('mmap_size = 4294967296');
  gen.pragma('temp_store = MEMORY');
  const ins = (table: string, names: string) => {
    const columns = names.split(' ');
    return gen.prepare(
      `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    );
  };
  const village = ins(
    'villages',
    'id slug country default_locale default_currency created_at updated_at',
  );
  const villageText = ins('village_texts', 'village_id locale name');
  const shop = ins(
    'shops',
    'id village_id slug base_currency buyer_currencies default_locale locales status created_at updated_at',
  );
  const shopText = ins('shop_texts', 'shop_id locale name');
  const product = ins(
    'products',
    'shop_id id slug status origin_country origin_place created_at updated_at published_at',
  );
  const text = ins('product_texts', 'shop_id product_id locale title description materials');
  const option = ins('product_options', 'shop_id id product_id position name');
  const value = ins('product_option_values', 'shop_id id option_id position label');
  const variant = ins(
    'variants',
    'shop_id id product_id sku position price_minor stock_on_hand weight_grams made_to_order processing_days_min processing_days_max created_at updated_at',
  );
  const link = ins('variant_option_values', 'shop_id variant_id option_value_id');
  const fixed = ins('variant_prices', 'shop_id variant_id currency amount_minor updated_at');
  const asset = ins(
    'media_assets',
    'shop_id id original_key mime width height bytes sha256 placeholder status created_at updated_at',
  );
  const mediaFile = ins('media_files', 'shop_id media_id format width height key bytes');
  const image = ins('product_images', 'shop_id id product_id media_id position alt created_at');

  const t0 = Date.UTC(2026, 0, 1);
  let rows = 0;
  const run = (s: BetterSqlite3.Statement, ...args: unknown[]) => {
    s.run(...args);
    rows++;
  };
  gen.transaction(() => {
    for (const [n, [slug, country, locale, currency, name]] of [
      ['bainiu', 'CN', 'zh-CN', 'CNY', '白牛村'],
      ['comonfort', 'MX', 'es-MX', 'MXN', 'Comonfort'],
    ].entries()) {
      run(village, id('vil', n), slug, country, locale, currency, t0, t0);
      run(villageText, id('vil', n), locale, name);
    }
  })();
  const SHOPS_PER_TX = Math.max(1, Math.floor(10_000 / PER_SHOP));
  for (let s0 = 0; s0 < SHOPS; s0 += SHOPS_PER_TX) {
    gen.transaction(() => {
      for (let s = s0; s < Math.min(SHOPS, s0 + SHOPS_PER_TX); s++) {
        const cn = s % 2 === 0;
        const shopId = id('shop', s);
        const [locale, currency] = cn ? ['zh-CN', 'CNY'] : ['es-MX', 'MXN'];
        run(
          shop,
          shopId,
          id('vil', cn ? 0 : 1),
          `shop-${s}`,
          currency,
          JSON.stringify([currency, 'USD', 'EUR']),
          locale,
          JSON.stringify([locale, 'en']),
          'live',
          t0,
          t0,
        );
        run(shopText, shopId, locale, cn ? `山核桃小店 ${s}` : `Taller ${s}`);
        run(shopText, shopId, 'en', cn ? `Hickory shop ${s}` : `Workshop ${s}`);
        for (let p = 0; p < PER_SHOP; p++) {
          const n = s * PER_SHOP + p;
          const productId = id('prod', n);
          const at = t0 + n * 1000;
          run(
            product,
            shopId,
            productId,
            `p-${p}`,
            p % 10 === 9 ? 'draft' : 'active',
            cn ? 'CN' : 'MX',
            cn ? 'Lin’an, Zhejiang' : 'Comonfort, Guanajuato',
            at,
            at,
            at,
          );
          if (cn) {
            const grade = GRADES[p % 3];
            run(
              text,
              shopId,
              productId,
              'zh-CN',
              `临安山核桃 ${grade} ${250 * (1 + (p % 4))}克 #${p}`,
              '白牛村农家手剥山核桃，当年新货，椒盐口味，独立小包装，送礼自用皆宜。',
              '山核桃、盐',
            );
            run(
              text,
              shopId,
              productId,
              'en',
              `Lin’an hickory nuts, ${grade}, ${250 * (1 + (p % 4))} g #${p}`,
              'Hand-cracked hickory nuts from Bainiu village, this year’s harvest, lightly salted.',
              'hickory nuts, salt',
            );
          } else {
            const size = SIZES[p % 4];
            run(
              text,
              shopId,
              productId,
              'es-MX',
              `Molcajete de piedra volcánica ${size} #${p}`,
              'Tallado a mano en Comonfort con basalto de la región, incluye su tejolote. Curado antes de enviar.',
              'piedra volcánica (basalto)',
            );
            run(
              text,
              shopId,
              productId,
              'en',
              `Volcanic stone molcajete, ${size} #${p}`,
              'Hand-carved in Comonfort from local basalt, with its tejolote. Cured before shipping.',
              'basalt',
            );
          }
          const variants = p % 2 === 0 ? 2 : 1;
          const valueIds: string[] = [];
          if (variants === 2) {
            const optionId = id('opt', n);
            run(
              option,
              shopId,
              optionId,
              productId,
              0,
              JSON.stringify(
                cn ? { 'zh-CN': '包装', en: 'Pack' } : { 'es-MX': 'Acabado', en: 'Finish' },
              ),
            );
            for (let k = 0; k < 2; k++) {
              valueIds.push(id('optv', n * 2 + k));
              run(
                value,
                shopId,
                valueIds[k],
                optionId,
                k,
                JSON.stringify(
                  cn
                    ? { 'zh-CN': k ? '礼盒' : '袋装', en: k ? 'Gift box' : 'Bag' }
                    : { 'es-MX': k ? 'Curado' : 'Natural' },
                ),
              );
            }
          }
          for (let k = 0; k < variants; k++) {
            const variantId = id('var', n * 2 + k);
            const mto = !cn && p % 3 === 0;
            run(
              variant,
              shopId,
              variantId,
              productId,
              `S${p}-${k}`,
              k,
              (cn ? 8800 : 45000) + p * 100 + k * 2000,
              p % 7 === 0 ? 0 : 5 + k,
              cn ? 500 : 4500,
              mto ? 1 : 0,
              mto ? 5 : 0,
              mto ? 10 : 0,
              at,
              at,
            );
            if (valueIds[k]) run(link, shopId, variantId, valueIds[k]);
            if (p % 3 === 0) run(fixed, shopId, variantId, 'USD', 1299 + k * 500, at);
          }
          const mediaId = id('med', n);
          run(
            asset,
            shopId,
            mediaId,
            `${shopId}/${mediaId}/original.jpg`,
            'image/jpeg',
            1600,
            1200,
            250_000,
            'f'.repeat(64),
            'data:image/webp;base64,UklGRh4AAABXRUJQVlA4',
            'ready',
            at,
            at,
          );
          for (const w of [320, 640, 1024])
            run(
              mediaFile,
              shopId,
              mediaId,
              'webp',
              w,
              w * 0.75,
              `${shopId}/${mediaId}/${w}.webp`,
              w * 30,
            );
          run(
            image,
            shopId,
            id('img', n),
            productId,
            mediaId,
            0,
            JSON.stringify({ en: 'Product photo' }),
            at,
          );
        }
      }
    })();
  }
  gen.pragma('wal_checkpoint(TRUNCATE)');
  // Row counts for the planner; openSqlite drops the per-value samples (decision 017).
  gen.exec('analyze');
  gen.close();
  return { ms: performance.now() - started, rows };
}
