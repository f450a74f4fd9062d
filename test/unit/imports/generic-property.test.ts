import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { orderTotals } from '../../../src-main/core/orders/sale-rule.ts';
import { parse } from './import-test-kit.ts';

const CURRENCIES = [
  ['USD', 2],
  ['EUR', 2],
  ['GBP', 2],
  ['CNY', 2],
  ['JPY', 0],
] as const;

/** A price as the file writes it (≤ 2 decimals, fewer for JPY) and its exact minor units. */
const price = (digits: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }), fc.boolean())
    .map(([whole, cents, short]) => {
      if (digits === 0) return { text: String(whole), minor: BigInt(whole) };
      const text = short && cents % 10 === 0 ? `${whole}.${cents / 10}` : `${whole}.${String(cents).padStart(2, '0')}`;
      return { text, minor: BigInt(whole) * 100n + BigInt(cents) };
    });

const order = fc.constantFrom(...CURRENCIES).chain(([currency, digits]) =>
  fc.record({
    currency: fc.constant(currency),
    shipping: price(digits),
    lines: fc.array(
      fc.record({
        sku: fc.string({ minLength: 1, maxLength: 8 }).map((s) => `S-${s}`),
        name: fc.string({
          maxLength: 20,
          unit: fc.constantFrom('a', 'Z', '杯', '𠮷', '"', ',', ';', '\t', ' ', '\n', '=', '-'),
        }),
        qty: fc.integer({ min: 1, max: 500 }),
        price: price(digits),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  }),
);

describe('generic import, property', () => {
  it('parsed gross per currency equals the sum computed from the generating data, and names survive', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(order, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        async (orders, delimiter, newline, bom, quotes) => {
          const expected = new Map<string, bigint>();
          const rows: string[][] = [['订单号', '下单时间', 'SKU', '商品名称', '数量', '单价', '币种', '运费']];
          orders.forEach((o, i) => {
            // freight is an order-level value written on every row and counted once
            let sum = o.shipping.minor;
            for (const l of o.lines) {
              rows.push([
                `P${i}`,
                '2026-03-05 10:00',
                l.sku,
                l.name,
                String(l.qty),
                l.price.text,
                o.currency,
                o.shipping.text,
              ]);
              sum += BigInt(l.qty) * l.price.minor;
            }
            expected.set(o.currency, (expected.get(o.currency) ?? 0n) + sum);
          });
          const text = Papa.unparse(rows, { delimiter, newline, quotes });
          const bytes = new TextEncoder().encode((bom ? '\uFEFF' : '') + text);
          const r = await parse(bytes);
          expect(r.rejected).toEqual([]);
          expect(r.orders).toHaveLength(orders.length);
          const got = new Map<string, bigint>();
          for (const o of r.orders) got.set(o.currency!, (got.get(o.currency!) ?? 0n) + BigInt(orderTotals(o).gross));
          expect(got).toEqual(expected);
          // text comes back as written (surrounding whitespace trimmed), quotes, delimiters and newlines included
          expect(r.orders.flatMap((o) => o.lines.map((l) => l.itemName))).toEqual(
            orders.flatMap((o) => o.lines.map((l) => l.name.trim())),
          );
        },
      ),
      { numRuns: 150, seed: 20260305 },
    );
  });
});
