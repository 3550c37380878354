import { isLocale, type Locale } from '../../i18n/locales.js';
import { currencyExponent } from '../../money/currencies.js';
import { type CsvCell, toCsv } from '../csv-export.js';
import type { ImpactReport } from './impact-report.js';

const HEADERS: Record<Locale, string[]> = {
  en: [
    'shop',
    'address',
    'status',
    'live since',
    'products listed',
    'orders',
    'sales',
    'average order',
    'currency',
    'first sale',
    'not converted',
    'price before',
    'price online',
    'uplift %',
  ],
  'zh-CN': [
    '店铺',
    '地址',
    '状态',
    '开店日期',
    '在售商品',
    '订单',
    '销售额',
    '平均订单',
    '货币',
    '首单日期',
    '未换算订单',
    '上网前价格',
    '网上价格',
    '增幅 %',
  ],
  'es-MX': [
    'tienda',
    'dirección',
    'estado',
    'abierta desde',
    'productos publicados',
    'pedidos',
    'ventas',
    'pedido promedio',
    'moneda',
    'primera venta',
    'sin convertir',
    'precio antes',
    'precio en línea',
    'aumento %',
  ],
};
const TOTAL: Record<Locale, string> = { en: 'Total', 'zh-CN': '合计', 'es-MX': 'Total' };

/** Minor units as a plain decimal number a spreadsheet sums (1250.5 → "1250.50"). */
function decimal(minor: number | null | undefined, currency: string): CsvCell {
  if (minor === null || minor === undefined) return null;
  const e = currencyExponent(currency);
  if (e === 0) return minor;
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(e + 1, '0');
  return Number(`${sign}${digits.slice(0, -e)}.${digits.slice(-e)}`);
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The impact report as CSV (UTF-8 with BOM, headers in the trainer's
 * language, amounts as decimal numbers in the report currency, dates as
 * YYYY-MM-DD), one line per shop and a total line. Shop names are sellers'
 * text: neutralised against formula injection like every cell.
 */
export function impactReportCsv(report: ImpactReport, locale: string): string {
  const l: Locale = isLocale(locale) ? locale : 'en';
  const c = report.currency;
  const rows: CsvCell[][] = report.shops.map((s) => [
    s.name,
    s.slug,
    s.status,
    day(s.liveAt),
    s.productsListed,
    s.orders,
    decimal(s.salesMinor, c),
    decimal(s.averageOrderMinor, c),
    c,
    day(s.firstSaleAt),
    s.unconverted,
    decimal(s.uplift?.beforeMinor, c),
    decimal(s.uplift?.onlineMinor, c),
    s.uplift?.percent ?? null,
  ]);
  const t = report.totals;
  rows.push([
    TOTAL[l],
    null,
    `${t.shopsLive}/${t.shops}`,
    null,
    t.productsListed,
    t.orders,
    decimal(t.salesMinor, c),
    decimal(t.averageOrderMinor, c),
    c,
    day(t.firstSaleAt),
    t.unconverted,
    decimal(t.uplift?.beforeMinor, c),
    decimal(t.uplift?.onlineMinor, c),
    t.uplift?.percent ?? null,
  ]);
  return toCsv(HEADERS[l], rows);
}
