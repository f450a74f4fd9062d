/**
 * The exchange-folder check refuses what an attacker with the API would point sync at: relative
 * and `..` paths, missing folders and files, the file-system root, system folders (also through a
 * symbolic link), credentials folders and the home folder itself; a real temp folder passes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkExchangeFolder, isSystemFolder } from '../../../src-main/sync/exchange-folder-check.ts';
import { DomainError } from '../../../src-main/core/domain-error.ts';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-exchange-check-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function codeOf(dir: string, field: 'dir' | 'signer.dir' = 'dir'): { code: string; fields: unknown } | 'ok' {
  try {
    checkExchangeFolder(dir, field);
    return 'ok';
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { code: e.code, fields: e.fields };
  }
}

describe('checkExchangeFolder', () => {
  it('accepts an existing absolute folder the user chose', () => {
    const dir = path.join(base, '单一窗口');
    fs.mkdirSync(dir);
    expect(checkExchangeFolder(dir)).toBe(dir);
    expect(checkExchangeFolder(`  ${dir} `)).toBe(dir);
  });

  it('refuses relative paths and paths with .. as transport.config.dirNotAbsolute, on the field it belongs to', () => {
    for (const dir of ['../../..', 'exchange', './in', `${base}/../${path.basename(base)}`]) {
      expect(codeOf(dir), dir).toEqual({
        code: 'transport.config.dirNotAbsolute',
        fields: { dir: 'transport.config.dirNotAbsolute' },
      });
    }
    expect(codeOf('..', 'signer.dir')).toEqual({
      code: 'transport.config.dirNotAbsolute',
      fields: { 'signer.dir': 'transport.config.dirNotAbsolute' },
    });
  });

  it('refuses a missing folder and a file as transport.config.dirMissing', () => {
    const file = path.join(base, 'a-file.txt');
    fs.writeFileSync(file, 'x');
    expect(codeOf(path.join(base, 'nope'))).toMatchObject({ code: 'transport.config.dirMissing' });
    expect(codeOf(file)).toMatchObject({ code: 'transport.config.dirMissing' });
  });

  it('refuses the root, system folders, /proc/self, credentials folders and the home folder as transport.config.dirSystem', () => {
    const ssh = path.join(base, 'home', '.ssh');
    fs.mkdirSync(ssh, { recursive: true });
    for (const dir of ['/', '/etc', '/proc', '/proc/self', '/usr/lib', '/dev', ssh, os.homedir()]) {
      if (!fs.existsSync(dir)) continue;
      expect(codeOf(dir), dir).toMatchObject({ code: 'transport.config.dirSystem' });
    }
  });

  it('follows symbolic links: a link in a harmless place to /etc is refused', () => {
    const link = path.join(base, 'innocent');
    fs.symlinkSync('/etc', link);
    expect(codeOf(link)).toMatchObject({ code: 'transport.config.dirSystem' });
  });

  it('knows the Windows system folders and drive roots', () => {
    expect(isSystemFolder('C:\\', path.win32)).toBe(true);
    expect(isSystemFolder('C:\\Windows\\System32', path.win32)).toBe(true);
    expect(isSystemFolder('C:\\Program Files\\x', path.win32)).toBe(true);
    expect(isSystemFolder('D:\\单一窗口\\交换', path.win32)).toBe(false);
    expect(isSystemFolder('C:\\Users\\me\\.ssh', path.win32)).toBe(true);
  });
});
