/**
 * Issue 17 point 2: an Amazon US settlement (flat file V2, built from the layout's real shape) with a
 * reserve movement, an FBA inventory reimbursement and refunds nets by 汇发〔2020〕11号 — refunds
 * reduce gross proceeds, only overseas costs are deductions, the reserve is a timing item
 * (opening + movement = closing), the reimbursement is other income — and net = the deposit to the
 * cent; the unmatched are listed by number and only the payout's own shop's orders of its period;
 * CNY at the receipt's rate beside each total; the evidence pack prints "减" before amounts only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { NettingStatement } from '../../../../src-main/api/contract.ts';
import type { Dispatch } from '../../../../src-main/api/dispatch.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import { openTestWorkspace, tempDir } from '../../../helpers/workspace.ts';
import { valueOf as ok } from '../../../helpers/dispatch.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures');
const b64 = (file: string) => fs.readFileSync(path.join(FIXTURES, file)).toString('base64');

let open: Workspace[] = [];
afterEach(() => {
  for (const ws of open) ws.close();
  open = [];
});

async function importFile(
  dispatch: Dispatch,
  kind: 'imports' | 'payouts',
  file: string,
): Promise<{ payoutId?: number }> {
  const preview = await ok<{ previewId: string }>(
    dispatch(`${kind}.preview`, { fileName: path.basename(file), contentBase64: b64(file), source: 'auto' }),
  );
  return ok(
    dispatch(
      `${kind}.confirm`,
      kind === 'imports' ? { previewId: preview.previewId, acceptValidRows: true } : { previewId: preview.previewId },
    ),
  );
}

async function seeded(): Promise<{ dispatch: Dispatch; ws: Workspace; payoutId: number }> {
  const { ws, dispatch } = await openTestWorkspace();
  open.push(ws);
  for (let day = 1; day <= 20; day += 1) {
    await ok(
      dispatch('rates.save', {
        currency: 'USD',
        date: `2026-03-${String(day).padStart(2, '0')}`,
        rate: '7.12',
        source: 'pboc',
      }),
    );
  }
  // The Amazon shop's own orders (some paid in the settlement, one not), and a Shopify store's March orders Amazon never pays.
  // (Imported after the payout: the orders it names then match late, 0008-payout-late-matches.sql.)
  const { payoutId } = await importFile(dispatch, 'payouts', 'payouts/amazon-settlement-us-reserve.txt');
  await importFile(dispatch, 'imports', 'imports/amazon-all-orders-us.txt');
  await importFile(dispatch, 'imports', 'imports/shopify-orders-usd.csv');
  return { dispatch, ws, payoutId: payoutId! };
}

describe('netting by 汇发〔2020〕11号 (issue 17 point 2)', () => {
  it('nets refunds, overseas costs, the reserve movement and the reimbursement to the deposit, with evidence and CNY at the receipt rate', async () => {
    const { dispatch, payoutId } = await seeded();
    const before = await ok<NettingStatement>(dispatch('settlement.netting', { payoutId }));
    expect(before.cny.rate).toBeNull();
    expect(before.cny.net).toBeNull();
    await ok(
      dispatch('settlement.receipts.record', {
        payoutId,
        date: '2026-03-20',
        currency: 'USD',
        amount: '639.01',
        bankRate: '7.1234',
      }),
    );
    const s = await ok<NettingStatement>(dispatch('settlement.netting', { payoutId }));

    // Worked by hand from the fixture (USD cents; file rows: header 1, totals 2, lines 3–23):
    //   gross = 599.00 (r3) + 450.00 (r8) + 329.97 (r11)                        = 1,378.97
    //   refunds = 189.99 (r14) + 21.79 (r15)                                    =   211.78 → net sales 1,167.19
    //   warehousing = storage 94.73 (r18) — the reimbursement is not netted in
    //   logistics = 38.70 (r7) + 25.80 (r10) + 19.35 (r13)                      =    83.85
    //   platform fees = 89.85 + 67.50 + 49.50 − 28.50 + 5.70 + 39.99            =   224.04
    //   overseas tax = 47.92 − 47.92 = 0; advertising = 120.00 (r22)
    //   other income = FBA inventory reimbursement 32.40 (r19)
    //   reserve: opening 874.12 (r20) + movement 37.96 = closing 912.08 (r21)
    //   net = 1,167.19 − 522.62 + 32.40 − 37.96 = 639.01 = the deposit
    expect(s.gross).toBe(137_897);
    expect(s.grossEvidence.rows).toEqual([3, 8, 11]);
    expect(s.refunds.amount).toBe(21_178);
    expect(s.refunds.evidence.rows).toEqual([14, 15]);
    expect(s.refunds.items.map((i) => i.label)).toEqual(['refundedPrincipal', 'refundedShipping']);
    expect(s.netSales).toBe(116_719);
    expect(Object.fromEntries(s.deductions.map((d) => [d.category, d.amount]))).toEqual({
      warehousing: 9_473,
      logistics: 8_385,
      platformFees: 22_404,
      overseasTax: 0,
      advertising: 12_000,
    });
    const storage = s.deductions.find((d) => d.category === 'warehousing')!;
    expect(storage.items).toEqual([
      {
        key: 'other-transaction/other-transaction/Storage Fee',
        label: 'storageFee',
        amount: 9_473,
        rows: [18],
        rowCount: 1,
      },
    ]);
    expect(s.deductions.find((d) => d.category === 'platformFees')!.evidence.rows).toEqual([6, 9, 12, 16, 17, 23]);
    expect(s.otherIncome).toMatchObject({
      amount: 3_240,
      evidence: { fileName: 'amazon-settlement-us-reserve.txt', rows: [19], rowCount: 1 },
    });
    expect(s.otherIncome.items[0]).toMatchObject({
      key: 'other-transaction/FBA Inventory Reimbursement/WAREHOUSE_DAMAGE',
      label: 'inventoryReimbursement',
    });
    expect(s.reserve).toMatchObject({
      opening: 87_412,
      movement: 3_796,
      closing: 91_208,
      evidence: { rows: [20, 21] },
    });
    expect(s.reserve.opening + s.reserve.movement).toBe(s.reserve.closing);
    expect(s.otherItems.amount).toBe(0);
    expect(s.net).toBe(63_901);
    expect(s.deposit).toBe(63_901);

    // CNY at the receipt's bank rate 7.1234, rounded half away from zero, beside each total.
    expect(s.cny.rate).toMatchObject({ date: '2026-03-20' });
    expect(s.cny.rate!.rate).toMatch(/^7\.12340*$/);
    expect(s.cny.gross).toBe(982_295); // 1,378.97 × 7.1234 = 9,822.9549…
    expect(s.cny.refunds).toBe(150_859); // 211.78 × 7.1234 = 1,508.593…
    expect(s.cny.deductions.warehousing).toBe(67_480); // 94.73 × 7.1234 = 674.799…
    expect(s.cny.otherIncome).toBe(23_080); // 32.40 × 7.1234 = 230.798…
    expect(s.cny.reserveMovement).toBe(27_040); // 37.96 × 7.1234 = 270.404…
    expect(s.cny.net).toBe(455_192); // 639.01 × 7.1234 = 4,551.9238…

    // The journal follows the same reading: the reserve is a receivable from the platform (其他应收款), the
    // reimbursement is income (营业外收入), storage stays at its own 94.73 (deposit day's rate 7.12, line by line).
    const tb = await ok<{ balanced: boolean; rows: Array<{ account: string; balance: number }> }>(
      dispatch('journal.trialBalance', { asOf: '2026-03-31' }),
    );
    expect(tb.balanced).toBe(true);
    const balance = (account: string) => tb.rows.find((r) => r.account === account)?.balance;
    expect(balance('1221.USD')).toBe(649_401 - 622_373); // 912.08 × 7.12 held back − 874.12 × 7.12 released
    expect(balance('5301')).toBe(-23_069); // 32.40 × 7.12, a credit
    expect(balance('5601.04')).toBe(67_448); // 94.73 × 7.12

    // Unmatched, by number; only the Amazon shop's orders of 1–15 March without a payout line.
    expect(s.unmatched.payoutLines).toBe(0);
    expect(s.unmatched.shops).toHaveLength(1);
    const listed = s.unmatched.orderList.map((o) => o.orderNo);
    expect(listed).toContain('111-0000007-0000007');
    expect(listed.some((no) => no.startsWith('#'))).toBe(false);
    expect(listed).not.toContain('111-0000001-0000001');
    expect(s.unmatched.orders).toBe(listed.length);
  });

  it('prints the evidence pack with readable labels, the reserve as a timing item and no "减 −"', async () => {
    const { dispatch, ws, payoutId } = await seeded();
    await ok(
      dispatch('settlement.receipts.record', {
        payoutId,
        date: '2026-03-20',
        currency: 'USD',
        amount: '639.01',
        bankRate: '7.1234',
      }),
    );
    const pdf = await ok<{ fileName: string; contentBase64: string }>(
      dispatch('settlement.evidencePack', { payoutId, format: 'pdf', language: 'zh-CN' }),
    );
    const file = path.join(tempDir(), pdf.fileName);
    fs.writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    if (process.env.KJ_KEEP_PDF) fs.copyFileSync(file, process.env.KJ_KEEP_PDF);
    expect(text).toMatch(/还原销售收入（总额）\s+1,378\.97 USD\s+9,822\.95/);
    expect(text).toMatch(/减：退款（冲减销售收入）\s+211\.78 USD\s+1,508\.59 CNY/);
    expect(text).toMatch(/减：境外仓储费\s+94\.73 USD/);
    expect(text).toMatch(/加：其他收入（赔偿）\s+32\.40 USD/);
    expect(text).toMatch(/减：平台预留金增加\s+37\.96 USD/);
    expect(text).toMatch(/实际汇回金额（净额）\s+639\.01 USD\s+4,551\.92/);
    expect(text).toContain('仓储费');
    expect(text).toContain('other-transaction/other-transaction/Storage Fee');
    expect(text).toContain('874.12');
    expect(text).toContain('912.08');
    expect(text).toContain('111-0000007-0000007');
    expect(text).not.toMatch(/减：?\s*[−-]/);
    expect(text).not.toContain('#1001');
    // the ledger state it was printed from: the audit chain head (issue 16.6), which kuajing doctor checks
    const head = ws.read.prepare('SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1').pluck().get() as string;
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    expect(text.replace(/\s+/g, '')).toContain(`审计链头（SHA-256）${head}`);
  });
});
