/**
 * Finds a usable Electron binary without loading the electron package (which would try to download
 * one) and launches the bundled main process with it. Returns null where Electron cannot start
 * (no binary installed, or Linux without a display), so `start` falls back to the web host.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

const ROOT = path.resolve(import.meta.dirname, '../..');

export function findElectron(root: string = ROOT, env: NodeJS.ProcessEnv = process.env): string | null {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  let rel: string;
  try {
    rel = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const binary = path.join(pkgDir, 'dist', rel);
  if (!fs.existsSync(binary)) return null;
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  if (!fs.existsSync(path.join(root, 'dist-main', 'main.cjs'))) return null;
  return binary;
}

export function launchElectron(binary: string, dataDir: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(binary, [ROOT, '--data-dir', dataDir], { stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
