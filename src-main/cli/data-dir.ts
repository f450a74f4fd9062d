/**
 * Where a workspace lives when `--data-dir` is not given: the same OS user-data folder
 * Electron's `app.getPath('userData')` returns for the product name, so both hosts and
 * the CLI open the same company file.
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Kuajing Ledger';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}
