// The packaging settings that harden the installed app. electron-builder is not installed (it is
// fetched by `npm run dist`), so its config is checked here, where a flipped fuse fails a test.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../../build/electron-builder.config.cjs') as {
  asar?: boolean;
  files?: string[];
  electronFuses?: Record<string, boolean>;
};

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
    });
  });

  it('packs only the built app, in an asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['dist/renderer/**', 'dist-electron/**', 'package.json']);
  });
});
