import { describe, expect, it } from 'vitest';
import {
  buildCeb303Messages,
  buildCeb403Messages,
  buildCeb505Messages,
  buildCeb603Messages,
  type CebMessage,
} from '../../../../src-main/core/customs/index.ts';
import { validateCebMany } from '../../../../src-main/sync/validate-ceb.ts';
import { CORPUS_SETTINGS, corpusOrders } from './ceb-corpus.ts';
import { context, texts } from './ceb-fixtures.ts';

describe('seeded 10k-order corpus', () => {
  it('every CEB303/403/505/603 message for every mode and statisticsFlag A/B validates against the official XSD', async () => {
    const orders = corpusOrders(20260323, 10_000);
    const halves = [orders.slice(0, 5000), orders.slice(5000)];
    const messages: CebMessage[] = [];
    (['A', 'B'] as const).forEach((flag, i) => {
      const ctx = context({ settings: CORPUS_SETTINGS[flag] });
      for (const build of [buildCeb303Messages, buildCeb403Messages, buildCeb505Messages, buildCeb603Messages])
        messages.push(...build(halves[i]!, ctx));
    });
    const lists = messages.filter((m) => m.type === 'CEB603');
    const ordersXml = messages.filter((m) => m.type === 'CEB303');
    // every mode, orderType and statisticsFlag is in the corpus
    expect(new Set(lists.flatMap((m) => texts(m.xml, 'tradeMode')))).toEqual(new Set(['9610', '9710', '9810', '1210']));
    expect(new Set(ordersXml.flatMap((m) => texts(m.xml, 'orderType')))).toEqual(new Set(['E', 'B', 'W']));
    expect(new Set(lists.flatMap((m) => texts(m.xml, 'statisticsFlag')))).toEqual(new Set(['A', 'B']));
    expect(lists.reduce((n, m) => n + m.documents.length, 0)).toBeGreaterThan(10_000); // orders over 100 lines are split
    const results = await validateCebMany(messages.map((m) => m.xml));
    const invalid = results.flatMap((r, i) =>
      r.valid ? [] : [{ type: messages[i]!.type, errors: r.errors.slice(0, 2) }],
    );
    expect(invalid).toEqual([]);
  }, 60_000);
});
