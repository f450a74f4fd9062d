/**
 * The files lesson 4 gives the trainee (issue 18 point 2: build declarations and fix a planted
 * 三单比对 error), written to the sandbox's `files/` when the scenario is loaded: the SKU customs-data
 * file for the demo catalogue (`stock.skus.import`: goods name, 10-digit HS code, units, weights)
 * and the carrier's waybill file for the preloaded orders (`customs.shipping.import`), which leaves
 * out the waybill numbers of a few orders — the planted fault: without a waybill number the list
 * cannot be matched with its waybill, so the pre-check (三单比对) blocks those orders until the
 * trainee enters the numbers from the findings. Lesson 5's planted refusal is chosen here too: the
 * list of one well-formed order is refused by the sandbox's practice platform with customs' reason
 * (a declared goods name that does not match the HS code), for the trainee to find. Both files are built from the loaded ledger on the
 * scenario's clock, so the same seed writes the same files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PRODUCTS } from '../../imports/demo/demo-catalog.ts';
import type { Workspace } from '../workspace.ts';
import type { Scenario } from './catalog.ts';

export const SKU_FILE = 'sku-customs.csv';
export const WAYBILL_FILE = 'waybills.csv';
/** The order numbers lesson 4's waybill file leaves out (the lesson's checks read them). */
export const PLANTED_DECLARATIONS_SETTING = 'training.planted.declarations';

export interface PlantedDeclarations {
  readonly missingWaybillOrders: readonly string[];
  /** Orders the waybill file gives a number. */
  readonly waybillRows: number;
  /** Lesson 5: lists the practice platform refuses as customs' review would (order number → 回执 text). */
  readonly refusedLists?: Readonly<Record<string, string>>;
}

/** HS code (10 digits) and net weight in grams of each demo product, for the SKU customs-data file. */
const CUSTOMS_DATA: Readonly<Record<string, readonly [string, number]>> = {
  'PH-CASE-15C': ['3926909000', 30],
  'LED-RING-12': ['9405409000', 900],
  'MIRROR-LED-3': ['7009920000', 600],
  'YOGA-MAT-6': ['9506919000', 1000],
  'BT-EAR-X2': ['8518300000', 80],
  'USBC-CBL-2M': ['8544422100', 60],
  'PET-BRUSH-S': ['9603909090', 100],
  'KIT-SPAT-5': ['3924100000', 400],
  'BAMBOO-TB-4': ['9603210000', 50],
  'CAR-MNT-MAG': ['8708299000', 100],
  'HAIR-CLIP-12': ['9615190000', 50],
  'BOTTLE-1L': ['7323930000', 300],
  'LAMP-DESK-T': ['9405209000', 800],
  'SOCKS-CTN-5': ['6115950000', 200],
  'STAND-FOLD': ['8473309000', 300],
  'BIB-BABY-3': ['6209200000', 100],
  'GLOVE-GDN-M': ['6116100000', 100],
  'STICKER-100': ['4911990000', 100],
  'TEA-SET-GC': ['6911101900', 1200],
  'SCARF-SILK-90': ['6214100000', 100],
  'FAN-USB-MINI': ['8414510000', 200],
  'NAIL-KIT-18': ['8214200000', 300],
  'KEYB-MECH-87': ['8471607100', 900],
  'PUZZLE-1000': ['9503008900', 500],
  'LUNCH-BOX-3': ['3924100000', 500],
  'UMBRELLA-AUTO': ['6601910000', 400],
};

const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows: readonly (readonly string[])[]): string =>
  rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

function skuFile(): string {
  const head = [
    '商品货号',
    '商品名称',
    '商品编码',
    '申报要素',
    '计量单位',
    '法定第一单位',
    '法定第一数量换算',
    '净重(千克)',
    '毛重(千克)',
  ];
  const rows = DEMO_PRODUCTS.map((p) => {
    const [hs, grams] = CUSTOMS_DATA[p.sku] ?? ['3926909000', 100];
    const kg = (grams / 1000).toFixed(3);
    // 申报要素: 品牌类型|出口享惠情况|用途|品牌|型号
    return [p.sku, p.zh, hs, `0|0|日用|无品牌|${p.sku}`, '007', '035', kg, kg, ((grams + 50) / 1000).toFixed(3)];
  });
  return csv([head, ...rows]);
}

/** Writes the two files and returns the planted fault (the orders left out of the waybill file). */
export function writeDeclarationFiles(ws: Workspace, scenario: Scenario, filesDir: string): PlantedDeclarations {
  fs.writeFileSync(path.join(filesDir, SKU_FILE), skuFile());
  const orders = ws.read
    .prepare('SELECT order_no AS orderNo, status, ordered_at AS orderedAt FROM orders ORDER BY id')
    .all() as Array<{ orderNo: string; status: string; orderedAt: string }>;
  const missing = scenario.declarations?.missingWaybills ?? 2;
  // the planted orders have nothing else the pre-check would block (every line's unit price is exact)
  const inexact = new Set(
    ws.read
      .prepare(
        'SELECT DISTINCT o.order_no FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.line_total % l.quantity <> 0',
      )
      .pluck()
      .all() as string[],
  );
  const shippable = orders.filter(
    (o) => (o.status === 'shipped' || o.status === 'delivered') && !inexact.has(o.orderNo),
  );
  const planted = shippable.slice(Math.max(0, shippable.length - missing)).map((o) => o.orderNo);
  const rows = orders
    .filter((o) => !planted.includes(o.orderNo))
    .map((o, i) => [o.orderNo, `SF${String(i + 1).padStart(10, '0')}`, o.orderedAt.slice(0, 10)]);
  fs.writeFileSync(path.join(filesDir, WAYBILL_FILE), csv([['订单号', '运单号', '出口日期'], ...rows]));
  // the first well-formed order with a waybill: its list is refused by customs' review
  const refused = shippable.find((o) => !planted.includes(o.orderNo));
  const refusedLists = refused
    ? { [refused.orderNo]: '海关审核退单：申报品名与商品编码不符，请核对申报要素后重新申报' }
    : {};
  return { missingWaybillOrders: planted, waybillRows: rows.length, refusedLists };
}
