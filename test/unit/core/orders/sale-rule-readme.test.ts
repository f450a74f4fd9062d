/**
 * The README prints the sale-rule table; this reads both and requires them to say the same:
 * every platform's words with their status and whether they count as a sale.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COMMON_STATUS_RULES,
  SALE_RULES,
  STATUS_COUNTS_AS_SALE,
  type StatusRule,
} from '../../../../src-main/core/orders/sale-rule.ts';

const README = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

/** `platform label → word → [status, sale]` from the README's table rows. */
function readmeTable(): Map<string, Map<string, [string, boolean]>> {
  const start = README.indexOf('<!-- sale-rule table');
  expect(start).toBeGreaterThan(0);
  const lines = README.slice(start).split('\n').slice(1);
  const end = lines.findIndex((l) => !l.startsWith('|'));
  const rows = lines.slice(0, end < 0 ? undefined : end).slice(2);
  const out = new Map<string, Map<string, [string, boolean]>>();
  for (const row of rows) {
    const [platform, words, status, sale] = row
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim()) as [string, string, string, string];
    const table = out.get(platform) ?? new Map<string, [string, boolean]>();
    for (const w of words.split(/`,\s*`/).map((x) => x.replace(/`/g, ''))) table.set(w, [status, sale === 'yes']);
    out.set(platform, table);
  }
  return out;
}

const asMap = (rules: Readonly<Record<string, StatusRule>>) =>
  new Map(Object.entries(rules).map(([w, r]) => [w, [r.status, r.sale] as [string, boolean]]));

describe('the README’s sale-rule table', () => {
  it('is the core’s table, word for word', () => {
    const readme = readmeTable();
    expect(readme.get('Amazon')).toEqual(asMap(SALE_RULES.amazon));
    expect(readme.get('Shopify')).toEqual(asMap(SALE_RULES.shopify));
    expect(readme.get('Shopee, TikTok')).toEqual(asMap(SALE_RULES.shopee));
    expect(SALE_RULES.tiktok).toBe(SALE_RULES.shopee);
    expect(readme.get('ERP (Chinese)')).toEqual(asMap(SALE_RULES.erp));
    const own = new Set([
      ...Object.keys(SALE_RULES.amazon),
      ...Object.keys(SALE_RULES.shopee),
      ...Object.keys(SALE_RULES.erp),
    ]);
    expect(readme.get('every platform')).toEqual(
      asMap(Object.fromEntries(Object.entries(COMMON_STATUS_RULES).filter(([w]) => !own.has(w)))),
    );
    expect([...readme.keys()]).toEqual(['Amazon', 'Shopify', 'Shopee, TikTok', 'ERP (Chinese)', 'every platform']);
  });

  it('says what Shopify expired is and that refunding counts, as the table does', () => {
    expect(SALE_RULES.shopify.expired).toMatchObject({ sale: true });
    expect(README).toMatch(/Shopify `expired`: the payment authorisation lapsed/);
    expect(STATUS_COUNTS_AS_SALE.refunding).toBe(true);
    expect(README).toMatch(/`退款中` \(refunding\) counts as a sale/);
  });
});
