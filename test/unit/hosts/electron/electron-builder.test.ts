import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(fs.readFileSync(new URL('../../../../electron-builder.yml', import.meta.url), 'utf8')) as Record<
  string,
  any
>;

function targetNames(platform: { target: unknown }): string[] {
  return (platform.target as Array<string | { target: string }>).map((t) => (typeof t === 'string' ? t : t.target));
}

describe('electron-builder.yml', () => {
  it('identifies the app and writes to release/', () => {
    expect(config.appId).toBe('cn.kuajing.ledger');
    expect(config.productName).toBe('Kuajing Ledger');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
  });

  it('builds an NSIS installer for Windows x64 that lets the user choose the folder, in Chinese', () => {
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(config.win.target[0].arch).toEqual(['x64']);
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true });
    expect(config.nsis.installerLanguages).toContain('zh_CN');
  });

  it('builds a dmg for Intel and Apple silicon in the finance category', () => {
    expect(targetNames(config.mac)).toEqual(['dmg']);
    expect(config.mac.target[0].arch).toEqual(['x64', 'arm64']);
    expect(config.mac.category).toBe('public.app-category.finance');
  });

  it('builds AppImage and deb for Linux with a category and a maintainer', () => {
    expect(targetNames(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
  });

  it('ships both bundles and package.json, and unpacks better-sqlite3 from the asar', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist-main/**', 'dist-renderer/**', 'package.json']));
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    // No pattern may drop better-sqlite3's loader or its prebuilt binaries.
    for (const pattern of config.files as string[]) {
      expect(pattern).not.toMatch(/better-sqlite3\/(\{[^}]*\b(lib|prebuilds)\b|lib|prebuilds)/);
      if (pattern.startsWith('!') && pattern.includes('{')) expect(pattern).not.toMatch(/[{,]better-sqlite3[,}]/);
    }
  });

  it('ships the resources folder and the one PDF font', () => {
    expect(config.extraResources).toEqual([
      { from: 'resources', to: 'resources' },
      {
        from: 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
        to: 'fonts/NotoSansSC_400Regular.ttf',
      },
    ]);
    expect(fs.existsSync(new URL('../../../../resources', import.meta.url))).toBe(true);
    expect(fs.existsSync(new URL(`../../../../${config.extraResources[1].from}`, import.meta.url))).toBe(true);
    expect(config.files).toContain('!**/node_modules/@expo-google-fonts/**'); // 92 MB of fonts stay out of app.asar
  });

  it('never rebuilds native modules (better-sqlite3 13 is N-API; a rebuild needs the internet)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild ?? false).toBe(false);
  });

  it('sets the Electron fuses: no run-as-node, no NODE_OPTIONS or --inspect, encrypted cookies, ASAR integrity, code only from app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar ?? true).toBe(true); // ASAR integrity needs the app packed into app.asar
    expect(fs.existsSync(new URL('../../../../node_modules/@electron/fuses/package.json', import.meta.url))).toBe(true);
  });

  it('points at the bundled main process', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
      main: string;
    };
    expect(pkg.main).toBe('dist-main/main.cjs');
  });
});
