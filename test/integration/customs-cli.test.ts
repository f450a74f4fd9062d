import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildCeb603Messages } from '../../src-main/core/customs/index.ts';
import { context, order } from '../unit/core/customs/ceb-fixtures.ts';
import { tempDir } from '../helpers/workspace.ts';

const CLI = path.resolve(import.meta.dirname, '../../src-main/cli/main.ts');
function kuajing(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, KUAJING_LANG: 'en' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const json = (s: string) => JSON.parse(s.trim().split('\n').at(-1)!);

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

  it('prints the reasons as text without --json, and exits 2 without a file', () => {
    const r = kuajing('customs', 'validate', longItemNo);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/INVALID[\s\S]*itemNo/);
    expect(kuajing('customs', 'validate').code).toBe(2);
    expect(json(kuajing('customs', 'validate', path.join(dir, 'missing.xml'), '--json').out).error.code).toBe('customs.file.unreadable');
  });
});
