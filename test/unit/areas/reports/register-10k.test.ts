/**
 * Issue 17 (done when: "a 10k-line register paginates correctly"): a March register of 10,000 list
 * lines printed through `reports.file` — every page numbered "第 n / N 页" with the true N, the
 * running sum carried at the foot of each page (过次页) and brought to the head of the next (承前页)
 * equal to the rows printed before it, to the fen, every line printed once, and the 合计 on the last
 * register page equal to the register's total and to an independent SQL sum.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type { ReportData } from '../../../../src-main/areas/reports/contract.ts';
import { openTestWorkspace, tempDir, VALID_PROFILE } from '../../../helpers/workspace.ts';
import { valueOf as ok } from '../../../helpers/dispatch.ts';

let open: Workspace[] = [];
afterEach(() => {
  for (const ws of open) ws.close();
  open = [];
});

const ORDERS = 5000; // two list lines each
const SEED = 17_10_000;

/** Orders, released CEB603 lists (two lines each, as the customs area stores them) and a PBoC rate per day, seeded. */
function seed(ws: Workspace): void {
  const db = ws.read;
  let x = SEED;
  const rnd = () => (x = (x * 48271) % 2147483647) / 2147483647;
  db.transaction(() => {
    const commandId = Number(
      db.prepare("INSERT INTO command_log (command, at) VALUES ('test.seed', '2026-04-01T00:00:00Z')").run()
        .lastInsertRowid,
    );
    const shopId = Number(
      db
        .prepare(
          "INSERT INTO shops (platform, name, site, currency, time_zone) VALUES ('manual', '独立站', NULL, 'USD', 'Asia/Shanghai')",
        )
        .run().lastInsertRowid,
    );
    db.prepare(
      "INSERT INTO skus (item_no, goods_name, gmodel, hs_code, unit, legal_unit) VALUES ('MUG-01', '陶瓷马克杯', '0|0|陶瓷', '6912001000', '007', '035'), ('LAMP-01', '台灯', '0|0|金属', '9405200000', '001', '035')",
    ).run();
    for (let d = 1; d <= 31; d++)
      db.prepare(
        "INSERT INTO fx_rates (currency, date, rate, source, command_id, saved_at) VALUES ('USD', ?, ?, 'pboc', ?, '2026-04-01T00:00:00Z')",
      ).run(`2026-03-${String(d).padStart(2, '0')}`, (7.08 + d / 1000).toFixed(6), commandId);
    const order =
      db.prepare(`INSERT INTO orders (shop_id, platform, order_no, status, platform_status, sales_channel, ordered_at, ordered_at_utc,
      buyer_country, currency, customs_mode, fulfilment, goods, discount, shipping, gift_wrap, tax_on_top, gross, refunded, units, exclusion, origin, revision, content_hash)
      VALUES (?, 'manual', ?, 'shipped', 'shipped', NULL, ?, ?, 'US', 'USD', '9610', 'self', ?, 0, 0, 0, 0, ?, 0, ?, NULL, 'import', 1, 'seed')`);
    const message = db.prepare(
      "INSERT INTO customs_messages (guid, type, idempotency_key, xml, command_id, created_at) VALUES (?, 'CEB603', ?, '<CEB603Message/>', ?, '2026-03-31T00:00:00Z')",
    );
    const list =
      db.prepare(`INSERT INTO customs_documents (type, business_key, revision, order_id, order_no, guid, message_guid, status, status_rank, status_at, invt_no, facts, created_at)
      VALUES ('CEB603', ?, 1, ?, ?, ?, ?, '800', 20, '2026-03-31T00:00:00Z', ?, ?, '2026-03-31T00:00:00Z')`);
    const six = db.prepare(
      "INSERT INTO outbox (command_id, kind, idempotency_key, payload, created_at, status) VALUES (?, 'tax.sixItems', ?, ?, '2026-03-31T00:00:00Z', 'sent')",
    );
    const guid = (n: number) => `C0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    for (let i = 1; i <= ORDERS; i++) {
      const t = Date.UTC(2026, 2, 1) + Math.floor(((i - 0.5) / ORDERS) * 31 * 86_400_000) - 8 * 3_600_000;
      const utc = new Date(t).toISOString();
      const local = `${new Date(t + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
      const lines = [
        { itemNo: 'MUG-01', qty: 1 + Math.floor(rnd() * 4), unit: '007', cents: 500 + Math.floor(rnd() * 20000) },
        { itemNo: 'LAMP-01', qty: 1, unit: '001', cents: 1000 + Math.floor(rnd() * 90000) },
      ];
      const goods = lines.reduce((s, l) => s + l.cents, 0);
      const orderNo = `A-${String(i).padStart(5, '0')}`;
      const id = Number(order.run(shopId, orderNo, local, utc, goods, goods, 3).lastInsertRowid);
      message.run(guid(i * 2), `seed:${orderNo}`, commandId);
      const facts = {
        type: 'CEB603',
        orderNo,
        currency: 'USD',
        lines: lines.map((l, k) => ({
          gnum: k + 1,
          itemNo: l.itemNo,
          gcode: '6912001000',
          qty: String(l.qty),
          unit: l.unit,
          totalPrice: (l.cents / 100).toFixed(2),
        })),
      };
      // the six items customs.build queued for it (the register agrees with them)
      six.run(
        commandId,
        `tax.sixItems:${orderNo}`,
        JSON.stringify({
          orderNo,
          exportDate: local.slice(0, 10),
          currency: 'USD',
          items: facts.lines.map((l) => ({
            goodsName: l.itemNo,
            unit: l.unit,
            quantity: l.qty,
            unitPrice: '',
            amount: l.totalPrice,
          })),
        }),
      );
      list.run(
        `COP-${orderNo}`,
        id,
        orderNo,
        guid(i * 2 + 1),
        guid(i * 2),
        `53142026E${String(i).padStart(9, '0')}`,
        JSON.stringify(facts),
      );
    }
  })();
}

const fen = (text: string) => Number(text.replace(/[,.]/g, ''));

describe('a 10,000-line register printed as PDF', () => {
  it('numbers every page n of N and carries the running total across pages to the fen', async () => {
    const { ws, dispatch } = await openTestWorkspace();
    open.push(ws);
    await ok(dispatch('company.save', VALID_PROFILE));
    seed(ws);
    const data = await ok<ReportData>(dispatch('reports.get', { name: 'tax-register', period: '2026-03' }));
    expect(data.summary.lines).toBe(2 * ORDERS);
    // independent sum: each list line in fen at its sale day's rate (rounded half up per line)
    const sql = ws.read
      .prepare(
        `SELECT sum(CAST(round(CAST(json_extract(l.value, '$.totalPrice') AS REAL) * 100 * CAST(r.rate AS REAL) + 0.0000001) AS INTEGER))
        FROM customs_documents d JOIN orders o ON o.id = d.order_id JOIN json_each(d.facts, '$.lines') l
        JOIN fx_rates r ON r.currency = 'USD' AND r.date = substr(o.ordered_at, 1, 10) AND r.source = 'pboc'`,
      )
      .pluck()
      .get() as number;
    expect(data.summary.total).toBe(sql);
    expect(data.summary).toMatchObject({ sixItemsTotal: sql, sixItemsDifference: 0 });

    const file = await ok<{ contentBase64: string }>(
      dispatch('reports.file', { name: 'tax-register', period: '2026-03', format: 'pdf', language: 'zh-CN' }),
    );
    const pdf = path.join(tempDir(), 'register-10k.pdf');
    fs.writeFileSync(pdf, Buffer.from(file.contentBase64, 'base64'));
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
      .split('\f')
      .filter((p) => p.trim() !== '');
    const n = pages.length;
    expect(n).toBeGreaterThan(100);
    let printed = 0;
    let rows = 0;
    let totalSeen = false;
    pages.forEach((text, i) => {
      expect(text).toContain(`第 ${i + 1} / ${n} 页`);
      if (totalSeen) return; // the sections after the register
      const brought = /承前页\s+([\d,]+\.\d\d) CNY/.exec(text);
      if (i > 0) expect(fen(brought![1]!)).toBe(printed);
      for (const m of text.matchAll(/^\s*2026-03-\d\d\s.*?([\d,]+\.\d\d) CNY\s+A-\d{5}\s+53142026E\d{9}\s*$/gm)) {
        printed += fen(m[1]!);
        rows += 1;
      }
      const total = /合计\s+([\d,]+\.\d\d) CNY/.exec(text);
      if (total) {
        totalSeen = true;
        expect(fen(total[1]!)).toBe(data.summary.total);
      } else expect(fen(/过次页\s+([\d,]+\.\d\d) CNY/.exec(text)![1]!)).toBe(printed);
    });
    expect(totalSeen).toBe(true);
    expect(rows).toBe(2 * ORDERS);
    expect(printed).toBe(data.summary.total);
  }, 180_000);
});
