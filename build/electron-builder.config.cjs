// electron-builder 26 configuration for Keel (`npm run dist`).
// Option names checked against app-builder-lib's configuration.d.ts (26.17).
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.keel.desktop',
  productName: 'Keel',
  directories: {
    output: 'release',
    buildResources: 'build',
  },
  // Only the built app: sources, tests and configs stay out of the package. Production
  // dependencies (zod) are added from node_modules by electron-builder itself.
  files: ['dist/renderer/**', 'dist-electron/**', 'package.json'],
  asar: true,
  // No native modules: nothing to rebuild against Electron's headers.
  npmRebuild: false,

  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    // .deb requires a maintainer; package.json has no author.
    maintainer: 'Keel maintainers',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
  },
  win: {
    target: ['nsis'],
  },

  // Flipped in the Electron binary at packaging time, before signing (see the security
  // "Security" in README.md).
  electronFuses: {
    runAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn Keel into a plain Node.js
    enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS cannot inject code
    enableNodeCliInspectArguments: false, // --inspect cannot attach a debugger
    onlyLoadAppFromAsar: true, // no loose app/ folder next to the asar
    enableEmbeddedAsarIntegrityValidation: true, // a modified app.asar refuses to load (macOS, Windows)
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false, // Keel serves from app://, never file://
  },
};
