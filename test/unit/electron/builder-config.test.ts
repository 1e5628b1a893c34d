// The packaging settings: what each installer is, the file association, the icons, and the
// fuses that harden the installed app. electron-builder is not installed (it is fetched by
// `npm run dist`), so its config is checked here, where a flipped fuse fails a test.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

interface FileAssociation {
  ext: string;
  name?: string;
  mimeType?: string;
  role?: string;
  rank?: string;
}
interface PlatformOptions {
  target?: string[];
  icon?: string;
  category?: string;
  fileAssociations?: FileAssociation[];
  darkModeSupport?: boolean;
  desktop?: { entry?: Record<string, string> };
}
const config = require('../../../build/electron-builder.config.cjs') as {
  asar?: boolean;
  files?: string[];
  fileAssociations?: FileAssociation[];
  linux?: PlatformOptions;
  mac?: PlatformOptions;
  win?: PlatformOptions;
  nsis?: Record<string, unknown>;
  electronFuses?: Record<string, boolean>;
};

const projectFile = (relative: string): string => new URL(`../../../${relative}`, import.meta.url).pathname;

describe('electron-builder config', () => {
  it('sets every fuse that closes a way into the packaged app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('packs only the built app, in an asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['dist/renderer/**', 'dist-electron/**', 'package.json']);
  });

  it('builds an AppImage and a deb, a dmg, and an NSIS installer', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('uses the icons made from build/icon.svg, which exist', () => {
    expect(config.linux?.icon).toBe('build/icons');
    expect(config.mac?.icon).toBe('build/icon.icns');
    expect(config.win?.icon).toBe('build/icon.ico');
    for (const icon of [config.mac?.icon, config.win?.icon, 'build/icons/256x256.png', 'build/icon.png']) {
      expect(existsSync(projectFile(icon ?? '')), icon).toBe(true);
    }
  });

  it('associates *.keel.json on Linux through a MIME type of its own, never all of JSON', () => {
    expect(config.fileAssociations).toBeUndefined(); // per platform only: the lists are concatenated
    expect(config.linux?.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'keel.json', mimeType: 'application/x-keel+json' }),
    ]);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.desktop?.entry).toMatchObject({ Comment: expect.any(String) as string });
  });

  it('on macOS owns keel.json documents, is only an alternate for JSON, and follows dark mode', () => {
    const associations = config.mac?.fileAssociations ?? [];
    expect(associations).toContainEqual(expect.objectContaining({ ext: 'keel.json', rank: 'Owner' }));
    for (const association of associations.filter(({ ext }) => ext === 'json')) {
      expect(association).toMatchObject({ rank: 'Alternate', role: 'Viewer' });
    }
    expect(config.mac?.darkModeSupport).toBe(true);
  });

  it('on Windows registers no extension (Explorer reads only ".json") and lists Keel under "Open with"', () => {
    expect(config.win?.fileAssociations).toBeUndefined();
    const script = readFileSync(projectFile(String(config.nsis?.include)), 'utf8');
    expect(script).toMatch(/Software\\Classes\\\.json\\OpenWithProgids" "Keel\.Program"/);
    expect(script).not.toMatch(/APP_ASSOCIATE/);
    // Whatever it adds, the uninstaller removes.
    expect(script).toMatch(/DeleteRegValue SHCTX "Software\\Classes\\\.json\\OpenWithProgids" "Keel\.Program"/);
    expect(script).toMatch(/DeleteRegKey SHCTX "Software\\Classes\\Keel\.Program"/);
  });

  it('installs per user, with shortcuts, and keeps the user\'s data on uninstall unless they say so', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
    const script = readFileSync(projectFile(String(config.nsis?.include)), 'utf8');
    // Asked, with No as the default, and never on an update or a silent uninstall.
    expect(script).toMatch(/\$\{ifNot\} \$\{isUpdated\}\s+\$\{andIfNot\} \$\{Silent\}\s+MessageBox MB_YESNO\|MB_ICONQUESTION\|MB_DEFBUTTON2/);
  });
});
