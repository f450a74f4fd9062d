import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAndValidate, type PipelineOrder } from '../../../../src-main/areas/customs/customs-pipeline.ts';
import { buildCeb303Messages, buildCeb603Messages, type BuiltType } from '../../../../src-main/core/customs/index.ts';
import type { DomainError } from '../../../../src-main/core/domain-error.ts';
import { validateCebMany } from '../../../../src-main/sync/validate-ceb.ts';
import { CORPUS_SETTINGS, corpusOrders } from '../../core/customs/ceb-corpus.ts';
import { context, counterIds, order, SKU, line } from '../../core/customs/ceb-fixtures.ts';
import { tempDir } from '../../../helpers/workspace.ts';

const TYPES: BuiltType[] = ['CEB303', 'CEB603'];

async function run(orders: readonly PipelineOrder[], workers: boolean) {
  const ctx = context({ settings: CORPUS_SETTINGS.B, newId: counterIds() });
  const errors: Array<[number, string]> = [];
  const r = await buildAndValidate(
    TYPES,
    orders,
    ctx,
    () => true,
    (o, e: DomainError) => errors.push([o.orderId, e.code]),
    () => {},
    { workers, chunk: 7 },
  );
  return { ...r, errors };
}

describe('build + validate pipeline (worker pool)', () => {
  it('gives the same messages, in the same order, with each result beside its message, as a build in one thread', async () => {
    const orders = corpusOrders(7, 40).map((input, i) => ({ orderId: i + 1, input }));
    const pooled = await run(orders, true);
    const single = await run(orders, false);
    expect(pooled.messages.map((m) => [m.type, m.message.guid, m.message.xml])).toEqual(
      single.messages.map((m) => [m.type, m.message.guid, m.message.xml]),
    );
    expect(pooled.results).toHaveLength(pooled.messages.length);
    expect(pooled.results.every((r) => r.valid)).toBe(true);
    // type by type, chunk by chunk: every CEB303 first, orders in their order
    expect(pooled.messages.map((m) => m.type)).toEqual([...Array(6).fill('CEB303'), ...Array(6).fill('CEB603')]);
    const orderNos = pooled.messages
      .filter((m) => m.type === 'CEB603')
      .flatMap((m) => m.message.documents.map((d) => d.sourceOrderNo));
    expect([...new Set(orderNos)]).toEqual(orders.map((o) => o.input.orderNo));
  }, 60_000);

  it('blocks an order a builder refuses for every type, in a worker as in one thread', async () => {
    const orders = corpusOrders(8, 20).map((input, i) => ({ orderId: i + 1, input }));
    const bad = orders[11]!;
    orders[11] = {
      ...bad,
      input: { ...bad.input, lines: [{ ...bad.input.lines[0]!, sku: { ...SKU, hsCode: '39' } }] },
    };
    const pooled = await run(orders, true);
    const single = await run(orders, false);
    expect(pooled.errors).toEqual([[12, 'customs.hsCode.invalid']]);
    expect(single.errors).toEqual(pooled.errors);
    expect([...pooled.blocked]).toEqual([12]);
    const declared = pooled.messages.flatMap((m) => m.message.documents.map((d) => d.sourceOrderNo));
    expect(declared).not.toContain(bad.input.orderNo);
    const docs = (r: typeof pooled) => r.messages.map((m) => [m.type, m.message.documents.map((d) => d.orderNo)]);
    expect(docs(pooled)).toEqual(docs(single));
    expect(pooled.results.every((r) => r.valid)).toBe(true);
  }, 60_000);

  it('reports a planted invalid message for that message only, among many validated side by side', async () => {
    const ctx = context({ newId: counterIds() });
    const one = (i: number) => order({ orderNo: `PO-${i}`, lines: [line({ quantity: 1 + (i % 5) })] });
    // one order per message: 1,100 documents make several validator runs side by side
    const xmls = Array.from(
      { length: 1100 },
      (_, i) => (i % 2 === 0 ? buildCeb303Messages : buildCeb603Messages)([one(i)], ctx)[0]!.xml,
    );
    expect(xmls.length).toBeGreaterThan(1000);
    const planted = 777;
    const original = xmls[planted]!;
    xmls[planted] = original.replace('<ceb:itemNo>BOX-01<', `<ceb:itemNo>${'A'.repeat(31)}<`);
    expect(xmls[planted]).not.toBe(original);
    const results = await validateCebMany(xmls);
    expect(results).toHaveLength(xmls.length);
    expect(results.flatMap((r, i) => (r.valid ? [] : [i]))).toEqual([planted]);
    expect(results[planted]!.errors[0]!.message).toMatch(/itemNo.*maxLength/);
    expect(results[planted]!.errors[0]!.line).toBe(
      xmls[planted]!.split('\n').findIndex((l) => l.includes('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')) + 1,
    );
  }, 120_000);
});

describe('a validator that dies', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('is customs.validator.failed, not a hang', async () => {
    const fake = path.join(tempDir('kuajing-fake-xmllint-'), 'xmllint');
    fs.writeFileSync(
      fake,
      '#!/bin/sh\nif [ "$1" = --version ]; then echo "using libxml version 20914"; exit 0; fi\nkill -9 $$\n',
    );
    fs.chmodSync(fake, 0o755);
    vi.stubEnv('KUAJING_XMLLINT', fake);
    vi.resetModules();
    const { validateCebMany: fresh } = await import('../../../../src-main/sync/validate-ceb.ts');
    const xml = buildCeb303Messages([order()], context())[0]!.xml;
    await expect(fresh([xml])).rejects.toMatchObject({ code: 'customs.validator.failed' });
  }, 30_000);
});
