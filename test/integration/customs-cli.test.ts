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
  const write = (name: string, xml: string) => { const f = path.join(dir, name); fs.writeFileSync(f, xml); return f; };
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
    const wasm = json(kuajingWith({ KUAJING_XMLLINT: 'wasm' }, 'customs', 'validate', ok, longItemNo, shortHs, '--json').out).files;
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
    expect(json(kuajing('customs', 'validate', path.join(dir, 'missing.xml'), '--json').out).error.code).toBe('customs.file.unreadable');
  });
});

describe('kuajing customs build / status', () => {
  it('builds, writes every message to --out (all XSD-valid), queues once, and reports statuses', async () => {
    const { customsWorkspace } = await import('../unit/api/customs-fixtures.ts');
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
    expect(result).toMatchObject({ orders: 2, built: 1, blocked: 1, messages: 4, queued: 5, dryRun: false, validationErrors: [] });
    expect(result.findings.map((f: { code: string; field: string }) => [f.code, f.field])).toEqual([['precheck.logisticsNo.missing', 'logisticsNo']]);
    expect(fs.readdirSync(out).map((f) => f.slice(0, 6)).sort()).toEqual(['CEB303', 'CEB403', 'CEB505', 'CEB603']);
    const check = kuajing('customs', 'validate', ...result.files, '--json');
    expect(check.code).toBe(0);
    const status = kuajing('customs', 'status', '--data-dir', dataDir, '--json');
    expect(json(status.out)).toEqual({ byStatus: { queued: 4 }, byType: { CEB303: 1, CEB403: 1, CEB505: 1, CEB603: 1 }, errors: 0 });
    expect(kuajing('customs', 'build', '--data-dir', dataDir, '--orders', 'x').code).toBe(2);
  }, 30_000);
});

describe('kuajing import --source waybills', () => {
  it('previews with --dry-run, refuses a file with an unknown order (exit 1, nothing saved), saves a clean file', async () => {
    const { customsWorkspace } = await import('../unit/api/customs-fixtures.ts');
    const { ws, order } = await customsWorkspace();
    const a = await order({}, null);
    const dataDir = ws.dataDir;
    ws.close();
    const dir = tempDir('kuajing-waybills-');
    const write = (name: string, csv: string) => { const f = path.join(dir, name); fs.writeFileSync(f, csv); return f; };
    const bad = write('bad.csv', `order no,tracking number\n${a.orderNo},SF77\nNOPE-9,SF78\n`);
    const good = write('good.csv', `order no,tracking number\n${a.orderNo},SF77\n`);
    const refused = kuajing('import', bad, '--source', 'waybills', '--data-dir', dataDir, '--json');
    expect(refused.code).toBe(1);
    expect(json(refused.out)).toEqual({ rows: 2, matched: 1, saved: 0, unknownOrders: ['NOPE-9'], rejected: [] });
    const dry = kuajing('import', good, '--source', 'waybills', '--data-dir', dataDir, '--dry-run', '--json');
    expect([dry.code, json(dry.out).saved, json(dry.out).matched]).toEqual([0, 0, 1]);
    const pre = json(kuajing('customs', 'build', '--data-dir', dataDir, '--dry-run', '--json').out);
    expect(pre.findings.map((f: { code: string }) => f.code)).toContain('precheck.logisticsNo.missing');
    const saved = kuajing('import', good, '--source', 'waybills', '--data-dir', dataDir, '--json');
    expect([saved.code, json(saved.out)]).toEqual([0, { rows: 1, matched: 1, saved: 1, unknownOrders: [], rejected: [] }]);
    const built = json(kuajing('customs', 'build', '--data-dir', dataDir, '--dry-run', '--json').out);
    expect(built).toMatchObject({ orders: 1, built: 1, blocked: 0, findings: [] });
  }, 30_000);
});
