import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCeb603Messages } from '../../src-main/core/customs/index.ts';
import { context, order } from '../unit/core/customs/ceb-fixtures.ts';
import { json, kuajing, kuajingWith } from '../helpers/cli.ts';
import { tempDir } from '../helpers/workspace.ts';

describe('kuajing customs validate', () => {
  const dir = tempDir('kuajing-customs-cli-');
  const good = buildCeb603Messages([order()], context())[0]!.xml;
  const write = (name: string, xml: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, xml);
    return f;
  };
  const ok = write('ok.xml', good);
  const longItemNo = write('item21.xml', good.replace('<ceb:itemNo>BOX-01<', `<ceb:itemNo>${'X'.repeat(21)}<`));
  const shortHs = write('gcode9.xml', good.replace('<ceb:gcode>3924100000<', '<ceb:gcode>392410000<'));

  it('accepts a valid list and exits 0', () => {
    const r = kuajing('customs', 'validate', ok, '--json');
    expect(r.code).toBe(0);
    expect(json(r.out)).toEqual({ files: [{ file: ok, valid: true, errors: [] }] });
  });

  it('rejects a 21-character itemNo and a 9-digit gcode with the schema reason naming the element, exit 1', () => {
    const r = kuajing('customs', 'validate', ok, longItemNo, shortHs, '--json');
    expect(r.code).toBe(1);
    const { files } = json(r.out);
    expect(files.map((f: { valid: boolean }) => f.valid)).toEqual([true, false, false]);
    expect(files[1].errors[0].message).toMatch(/\}itemNo'.*maxLength/);
    expect(files[1].errors[0].line).toBeGreaterThan(1);
    expect(files[2].errors[0].message).toMatch(/\}gcode'.*length of '9'/);
  });

  it('gives the same verdicts with libxml2 in WebAssembly as with the native xmllint', () => {
    const native = json(kuajing('customs', 'validate', ok, longItemNo, shortHs, '--json').out).files;
    const wasm = json(
      kuajingWith({ KUAJING_XMLLINT: 'wasm' }, 'customs', 'validate', ok, longItemNo, shortHs, '--json').out,
    ).files;
    expect(wasm.map((f: { valid: boolean }) => f.valid)).toEqual([true, false, false]);
    expect(wasm.map((f: { valid: boolean }) => f.valid)).toEqual(native.map((f: { valid: boolean }) => f.valid));
    expect(wasm[1].errors[0].message).toMatch(/\}itemNo'.*maxLength/);
    expect(wasm[2].errors[0].message).toMatch(/\}gcode'.*length of '9'/);
  });

  it('prints the reasons as text without --json, and exits 2 without a file', () => {
    const r = kuajing('customs', 'validate', longItemNo);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/INVALID[\s\S]*itemNo/);
    expect(kuajing('customs', 'validate').code).toBe(2);
    expect(json(kuajing('customs', 'validate', path.join(dir, 'missing.xml'), '--json').out).error.code).toBe(
      'customs.file.unreadable',
    );
  });
});

describe('kuajing customs build / status', () => {
  it('builds, writes every message to --out (all XSD-valid), queues once, and reports statuses', async () => {
    const { customsWorkspace } = await import('../unit/areas/customs/customs-fixtures.ts');
    const { ws, order } = await customsWorkspace();
    await order();
    await order({}, { logisticsNo: null });
    const dataDir = ws.dataDir;
    ws.close();
    const out = path.join(tempDir('kuajing-customs-out-'), 'messages');
    const dry = kuajing('customs', 'build', '--data-dir', dataDir, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(json(dry.out)).toMatchObject({ orders: 2, built: 1, blocked: 1, dryRun: true, queued: 0, files: [] });
    const r = kuajing('customs', 'build', '--data-dir', dataDir, '--out', out, '--json');
    expect(r.code).toBe(0);
    const result = json(r.out);
    expect(result).toMatchObject({
      orders: 2,
      built: 1,
      blocked: 1,
      messages: 4,
      queued: 5,
      dryRun: false,
      validationErrors: [],
    });
    expect(result.findings.map((f: { code: string; field: string }) => [f.code, f.field])).toEqual([
      ['precheck.logisticsNo.missing', 'logisticsNo'],
    ]);
    expect(
      fs
        .readdirSync(out)
        .map((f) => f.slice(0, 6))
        .sort(),
    ).toEqual(['CEB303', 'CEB403', 'CEB505', 'CEB603']);
    const check = kuajing('customs', 'validate', ...result.files, '--json');
    expect(check.code).toBe(0);
    const status = kuajing('customs', 'status', '--data-dir', dataDir, '--json');
    expect(json(status.out)).toEqual({
      byStatus: { queued: 4 },
      byType: { CEB303: 1, CEB403: 1, CEB505: 1, CEB603: 1 },
      errors: 0,
    });
    expect(kuajing('customs', 'build', '--data-dir', dataDir, '--orders', 'x').code).toBe(2);
  }, 30_000);
});

describe('kuajing import --source waybills', () => {
  it('previews with --dry-run, refuses a file with an unknown order (exit 1, nothing saved), saves a clean file', async () => {
    const { customsWorkspace } = await import('../unit/areas/customs/customs-fixtures.ts');
    const { ws, order } = await customsWorkspace();
    const a = await order({}, null);
    const dataDir = ws.dataDir;
    ws.close();
    const dir = tempDir('kuajing-waybills-');
    const write = (name: string, csv: string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, csv);
      return f;
    };
    const bad = write('bad.csv', `order no,tracking number\n${a.orderNo},SF77\nNOPE-9,SF78\n`);
    const good = write('good.csv', `order no,tracking number\n${a.orderNo},SF77\n`);
    const refused = kuajing('import', bad, '--source', 'waybills', '--data-dir', dataDir, '--json');
    expect(refused.code).toBe(1);
    expect(json(refused.out)).toEqual({
      rows: 2,
      matched: 1,
      saved: 0,
      unchanged: 0,
      unknownOrders: ['NOPE-9'],
      rejected: [],
    });
    const dry = kuajing('import', good, '--source', 'waybills', '--data-dir', dataDir, '--dry-run', '--json');
    expect([dry.code, json(dry.out).saved, json(dry.out).matched]).toEqual([0, 0, 1]);
    const pre = json(kuajing('customs', 'build', '--data-dir', dataDir, '--dry-run', '--json').out);
    expect(pre.findings.map((f: { code: string }) => f.code)).toContain('precheck.logisticsNo.missing');
    const saved = kuajing('import', good, '--source', 'waybills', '--data-dir', dataDir, '--json');
    expect([saved.code, json(saved.out)]).toEqual([
      0,
      { rows: 1, matched: 1, saved: 1, unchanged: 0, unknownOrders: [], rejected: [] },
    ]);
    // the same file again writes nothing and says the row was unchanged
    const again = kuajing('import', good, '--source', 'waybills', '--data-dir', dataDir, '--json');
    expect([again.code, json(again.out)]).toEqual([
      0,
      { rows: 1, matched: 1, saved: 0, unchanged: 1, unknownOrders: [], rejected: [] },
    ]);
    // a file with an unknown order saves its valid rows only when asked
    const kept = kuajing('import', bad, '--source', 'waybills', '--data-dir', dataDir, '--accept-valid-rows', '--json');
    expect([kept.code, json(kept.out).unknownOrders]).toEqual([0, ['NOPE-9']]);
    const built = json(kuajing('customs', 'build', '--data-dir', dataDir, '--dry-run', '--json').out);
    expect(built).toMatchObject({ orders: 1, built: 1, blocked: 0, findings: [] });
  }, 120_000);
});

describe('kuajing customs build --order-nos / --shipment (issue 15)', () => {
  it('names orders by platform number, and declares a 9810 head-haul shipment with its 报关单 data files', async () => {
    const { customsWorkspace } = await import('../unit/areas/customs/customs-fixtures.ts');
    const { ok } = await import('../helpers/dispatch.ts');
    const { ws, d, order, cup } = await customsWorkspace();
    const a = await order();
    await order();
    const dom = await ok<{ id: number }>(d, 'stock.warehouses.save', {
      code: 'SZ',
      name: '深圳仓',
      kind: 'domestic',
      country: 'CN',
    });
    const la = await ok<{ id: number }>(d, 'stock.warehouses.save', {
      code: 'US1',
      name: '洛杉矶自营仓 LA-1',
      kind: 'overseasOwn',
      country: 'US',
    });
    await ok(d, 'stock.moves.post', {
      date: '2026-03-01',
      type: 'purchase',
      skuId: cup.id,
      warehouseId: dom.id,
      quantity: 1000,
      unitCost: '6.00',
      currency: 'CNY',
    });
    await ok(d, 'stock.shipments.create', {
      bookingNoteNo: 'BN-CLI-1',
      carrier: 'Matson',
      cartons: 20,
      shipDate: '2026-03-05',
      eta: null,
      fromWarehouseId: dom.id,
      toWarehouseId: la.id,
      allocationBasis: 'value',
      lines: [{ skuId: cup.id, quantity: 1000 }],
    });
    const dataDir = ws.dataDir;
    ws.close();
    const mode = kuajing(
      'orders',
      'set-mode',
      '--data-dir',
      dataDir,
      '--mode',
      '1210',
      '--order-nos',
      a.orderNo,
      '--json',
    );
    expect([mode.code, json(mode.out)]).toEqual([0, { orders: 1, changed: 1, mode: '1210' }]);
    expect(
      json(
        kuajing('orders', 'set-mode', '--data-dir', dataDir, '--mode', '9610', '--order-nos', a.orderNo, '--json').out,
      ).changed,
    ).toBe(1);
    expect(kuajing('orders', 'set-mode', '--data-dir', dataDir, '--mode', '9810', '--order-nos', a.orderNo).code).toBe(
      2,
    );
    const one = kuajing('customs', 'build', '--data-dir', dataDir, '--order-nos', a.orderNo, '--dry-run', '--json');
    expect([one.code, json(one.out).orders]).toEqual([0, 1]);
    expect(kuajing('customs', 'build', '--data-dir', dataDir, '--order-nos', 'NOPE-1', '--json').code).toBe(1);
    const out = path.join(tempDir('kuajing-headhaul-'), 'out');
    const r = kuajing('customs', 'build', '--data-dir', dataDir, '--shipment', 'BN-CLI-1', '--out', out, '--json');
    expect(r.code).toBe(0);
    const result = json(r.out);
    // 1,000 × 6.00 = CNY 6,000 > 5,000: the CEB303 W and the 报关单 data, no list
    expect(result).toMatchObject({
      shipment: 'BN-CLI-1',
      route: 'declarationForm',
      totalCny: 600000,
      reasons: ['overLimit'],
      queued: 1,
    });
    expect(result.declarationForms).toEqual([
      { shipment: 'BN-CLI-1', file: path.join(out, 'declaration-BN-CLI-1.xlsx') },
    ]);
    expect(
      fs
        .readdirSync(out)
        .map((f) => f.replace(/-[0-9A-F-]{36}/, ''))
        .sort(),
    ).toEqual(['CEB303.xml', 'declaration-BN-CLI-1.json', 'declaration-BN-CLI-1.xlsx']);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'declaration-BN-CLI-1.json'), 'utf8')).head.totalValue).toBe(
      '6000.00',
    );
    const set = kuajing(
      'customs',
      'settings',
      '--data-dir',
      dataDir,
      '--set',
      'portCode=5301',
      '--set',
      'loctNo=',
      '--set',
      'declaresWaybills=false',
      '--json',
    );
    expect([set.code, json(set.out).portCode, json(set.out).loctNo, json(set.out).declaresWaybills]).toEqual([
      0,
      '5301',
      null,
      false,
    ]);
    expect(json(kuajing('customs', 'settings', '--data-dir', dataDir, '--json').out).portCode).toBe('5301');
    expect(kuajing('customs', 'settings', '--data-dir', dataDir, '--set', 'declaresWaybills=maybe').code).toBe(2);
  }, 240_000);
});
