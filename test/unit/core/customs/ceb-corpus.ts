/**
 * A seeded corpus of CEB inputs across every mode (9610/9710/9810/1210 → orderType E/B/W),
 * currencies, destinations, 1–5 lines (and a few orders over 100 lines), SKUs from the demo
 * catalogue with random 10-digit HS codes, units and weights. Same seed, same corpus.
 */
import type { CebOrderInput, CebSettings } from '../../../../src-main/core/customs/index.ts';
import type { Currency } from '../../../../src-main/core/money/currency.ts';
import type { Minor } from '../../../../src-main/core/money/minor.ts';
import type { CustomsMode } from '../../../../src-main/core/orders/order.ts';
import type { Sku } from '../../../../src-main/core/stock/sku.ts';
import { DEMO_PRODUCTS } from '../../../../src-main/imports/demo/demo-catalog.ts';
import { seededRandom } from '../../../../src-main/core/random/seeded-random.ts';
import { SETTINGS } from './ceb-fixtures.ts';

const MARKETS: ReadonlyArray<readonly [Currency, string]> = [
  ['USD', 'US'],
  ['EUR', 'DE'],
  ['EUR', 'FR'],
  ['GBP', 'GB'],
  ['JPY', 'JP'],
  ['CNY', 'HK'],
  ['AUD', 'AU'],
];
const UNITS = ['007', '011', '025', '125', '140'] as const;

export const CORPUS_SETTINGS: Record<'A' | 'B', CebSettings> = {
  A: {
    ...SETTINGS,
    statisticsFlag: 'A',
    iacCode: '5314960IAC',
    iacName: '红河综合保税区仓储公司',
    emsNo: 'T5314W000001',
    loctNo: '531498',
    payName: 'Amazon Payments',
  },
  B: {
    ...SETTINGS,
    statisticsFlag: 'B',
    iacCode: '5314960IAC',
    iacName: '红河综合保税区仓储公司',
    emsNo: 'T5314W000001',
    agentCode: '5314980AGT',
    agentName: '红河报关行',
  },
};

export function corpusSkus(seed: number): Sku[] {
  const r = seededRandom(seed);
  return DEMO_PRODUCTS.map((p) => {
    const unit = r.pick(UNITS);
    return {
      itemNo: p.sku,
      goodsName: p.zh,
      gmodel: `0|0|${p.en.slice(0, 40)}|无品牌|${p.sku}`,
      hsCode: r.digits(10, true),
      unit,
      legalUnit: r.chance(0.6) ? '035' : unit,
      secondLegalUnit: null,
      barcode: r.chance(0.5) ? r.digits(13, true) : null,
      origin: 'CN',
      weightGrams: r.int(20, 5000),
      volumeCm3: null,
    };
  });
}

export function corpusOrders(seed: number, count: number): CebOrderInput[] {
  const r = seededRandom(seed);
  const skus = corpusSkus(seed);
  const out: CebOrderInput[] = [];
  for (let i = 0; i < count; i++) {
    const mode = r.weighted<CustomsMode>([
      ['9610', 5],
      ['9710', 2],
      ['9810', 2],
      ['1210', 1],
    ]);
    const [currency, country] = r.pick(MARKETS);
    const lineCount = i % 2500 === 7 ? 150 : r.int(1, 5);
    const lines = Array.from({ length: lineCount }, () => ({
      sku: r.pick(skus),
      quantity: r.int(1, 20),
      unitPrice: r.int(currency === 'JPY' ? 100 : 1, currency === 'JPY' ? 20000 : 50000) as Minor,
      itemRecordNo: mode === '1210' ? `REC-${r.digits(8)}` : null,
    }));
    const net = lines.reduce((s, l) => s + (l.sku.weightGrams ?? 0) * l.quantity, 0);
    out.push({
      orderNo: `${mode}-${String(i).padStart(7, '0')}-${r.digits(6)}`,
      mode,
      currency,
      lines,
      destinationCountry: country,
      logisticsNo: `SF${r.digits(12, true)}`,
      exportDate: `2026-0${r.int(1, 9)}-${String(r.int(10, 28))}`,
      freight: r.chance(0.3) ? (r.int(0, 3000) as Minor) : null,
      grossWeightGrams: r.chance(0.5) ? net + r.int(0, 500) : null,
      packNo: r.int(1, 3),
      note: r.chance(0.1) ? '测试 & <备注>' : null,
    });
  }
  return out;
}
