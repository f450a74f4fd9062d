/**
 * Declared export value vs amount received per declaration: the netting statement and the bank
 * evidence pack read the order's CEB603 list (built by customs.build, numbered by the CEB604
 * receipt, linked to a declaration by the CEB792 line mapping) — list number, declaration number
 * and the list's total price in its currency.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { NettingStatement } from '../../../../src-main/api/contract.ts';
import { buildReceiptMessage, parseReceipt } from '../../../../src-main/core/customs/index.ts';
import { markMessagesSent, recordReceipts } from '../../../../src-main/areas/customs/customs-store.ts';
import { tempDir } from '../../../helpers/workspace.ts';
import { customsWorkspace, ok } from '../customs/customs-fixtures.ts';

const INVT_NO = '53142026E000000001';

describe('declared value vs received per declaration', () => {
  it("links the order's CEB603 list into the netting statement and the evidence pack", async () => {
    const { d, ws, order } = await customsWorkspace({ sendsPaymentReceipts: false, declaresWaybills: false });
    // 2 cups at USD 12.50 declared (list total 25.00) on a 9610 list (a sale is no longer declared as
    // 9810: 9810 goes per head-haul shipment, issue 15).
    const o = await order({ customsMode: '9610', fulfilment: 'overseas' });
    await ok(d, 'customs.build', {});
    const keys = ws.read
      .prepare("SELECT idempotency_key FROM outbox WHERE kind = 'ceb.message'")
      .pluck()
      .all() as string[];
    ws.uow.run('sync.sent', (tx) => markMessagesSent(tx, keys, tx.now));
    const list = ws.read.prepare("SELECT guid FROM customs_documents WHERE type = 'CEB603'").get() as { guid: string };

    for (const date of ['2026-03-02', '2026-03-17'])
      await ok(d, 'rates.save', { currency: 'USD', date, rate: '7.10', source: 'pboc' });
    const csv = `Date,Type,Order ID,Amount,Currency\n2026-03-17,Payment,${o.orderNo},30.00,USD\n2026-03-17,Commission fee,${o.orderNo},-4.50,USD\n`;
    const preview = await ok<{ previewId: string }>(d, 'payouts.preview', {
      fileName: 'p.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      source: 'payout-csv',
    });
    const { payoutId } = await ok<{ payoutId: number }>(d, 'payouts.confirm', { previewId: preview.previewId });

    // Before customs numbers the list: the list's value is known, its numbers are not.
    const before = await ok<NettingStatement>(d, 'settlement.netting', { payoutId });
    expect(before.declarations).toEqual([
      {
        orderId: o.id,
        orderNo: o.orderNo,
        customsMode: '9610',
        declarationNo: null,
        invtNo: null,
        entryId: null,
        declaredValue: 2_500,
        declaredCurrency: 'USD',
        orderValue: o.gross,
        received: 2_550,
      },
    ]);

    ws.uow.run('sync.receipts', (tx) =>
      recordReceipts(
        tx,
        parseReceipt(
          buildReceiptMessage('CEB604', 'C0000000-0000-4000-8000-000000000001', [
            {
              guid: list.guid,
              businessKey: o.orderNo,
              copNo: o.orderNo,
              agentCode: '3301960ABC',
              preNo: 'B20260303000000001',
              invtNo: INVT_NO,
              ebcCode: '3301960ABC',
              ebpCode: '无',
              orderNo: o.orderNo,
              statisticsFlag: 'B',
              status: '800',
              returnTime: '20260303120000000',
              returnInfo: '放行',
            },
          ]),
        ),
      ),
    );
    const after = await ok<NettingStatement>(d, 'settlement.netting', { payoutId });
    expect(after.declarations[0]).toMatchObject({
      invtNo: INVT_NO,
      declarationNo: INVT_NO,
      declaredValue: 2_500,
      declaredCurrency: 'USD',
      received: 2_550,
    });

    const pdf = await ok<{ fileName: string; contentBase64: string }>(d, 'settlement.evidencePack', {
      payoutId,
      format: 'pdf',
      language: 'en',
    });
    const file = path.join(tempDir(), pdf.fileName);
    fs.writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('List no. (invtNo)');
    expect(text).toMatch(new RegExp(`${o.orderNo}\\s+9610\\s+${INVT_NO}\\s+25\\.00\\s+`));
  });
});
