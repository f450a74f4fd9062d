/**
 * Checks a folder the user names for the exchange route (transport `dir`, folder signer `dir`)
 * before it is saved: the app writes into it and moves files out of it, so it must be an
 * absolute path without `..`, an existing folder, and neither a system folder (`/`, `/etc`,
 * `/proc`, `C:\Windows` …) nor a credentials folder (`~/.ssh` …), symbolic links resolved.
 * Errors are `transport.config.dir*` DomainErrors carrying the field they belong to.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '../core/domain-error.ts';

/** System folders on Linux and macOS: the folder itself and everything below it are refused. */
const SYSTEM_ROOTS_POSIX = [
  '/etc',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/bin',
  '/sbin',
  '/lib',
  '/lib32',
  '/lib64',
  '/usr',
  '/run',
  '/var/run',
  '/var/lib',
  '/var/log',
  '/System',
  '/Library',
  '/private/etc',
  '/private/var/db',
  '/Applications',
];
/** Folders that hold keys and credentials, wherever they are (`/root/.ssh`, `/home/u/.gnupg` …). */
const CREDENTIAL_SEGMENTS = new Set(['.ssh', '.gnupg', '.aws', '.kube', '.docker', '.password-store']);

export type ExchangeFolderField = 'dir' | 'signer.dir';

function refuse(code: string, field: ExchangeFolderField, dir: string): never {
  throw new DomainError(code, { dir }, { [field]: code });
}

function within(child: string, parent: string, p: typeof path.posix | typeof path.win32): boolean {
  const rel = p.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !p.isAbsolute(rel));
}

function systemRoots(p: typeof path.posix | typeof path.win32): string[] {
  if (p === path.posix) return SYSTEM_ROOTS_POSIX;
  const env = process.env;
  return [
    env['SystemRoot'] ?? 'C:\\Windows',
    env['ProgramFiles'] ?? 'C:\\Program Files',
    env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)',
    env['ProgramData'] ?? 'C:\\ProgramData',
  ];
}

/** True when `dir` (already resolved) is a drive or file-system root, a system folder or a credentials folder. */
export function isSystemFolder(dir: string, p: typeof path.posix | typeof path.win32 = path): boolean {
  if (p.parse(dir).root === dir || p.dirname(dir) === dir) return true;
  if (systemRoots(p).some((root) => within(dir, root, p))) return true;
  const segments = dir.split(/[\\/]+/);
  return segments.some((s) => CREDENTIAL_SEGMENTS.has(s.toLowerCase()));
}

/**
 * Returns the folder to save (as the user wrote it, trimmed) or throws:
 * `transport.config.dirNotAbsolute` (relative or with `..`), `transport.config.dirMissing`
 * (absent or not a folder), `transport.config.dirSystem` (system or credentials folder, or the
 * user's home folder itself).
 */
export function checkExchangeFolder(input: string, field: ExchangeFolderField = 'dir'): string {
  const dir = input.trim();
  if (!path.isAbsolute(dir) || dir.split(/[\\/]+/).includes('..'))
    refuse('transport.config.dirNotAbsolute', field, dir);
  let real: string;
  try {
    real = fs.realpathSync(dir);
    if (!fs.statSync(real).isDirectory()) refuse('transport.config.dirMissing', field, dir);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    return refuse('transport.config.dirMissing', field, dir);
  }
  const home = os.homedir();
  if (isSystemFolder(path.resolve(dir)) || isSystemFolder(real) || real === home || path.resolve(dir) === home) {
    refuse('transport.config.dirSystem', field, dir);
  }
  return dir;
}
