// electron-builder 26 configuration for Keel (`npm run dist`; see "Build installers" in README.md).
// Option names checked against app-builder-lib's scheme.json (26.17).
//
// Keel's files are named *.keel.json. Windows, and macOS's Launch Services, take a file's type
// from its LAST extension only (".json"), so an association for ".keel.json" is not honoured
// there, and associating ".json" would make Keel the opener of every JSON file. What each
// installer does instead:
// - Linux (deb): a MIME type of Keel's own, application/x-keel+json, with the glob *.keel.json,
//   in a shared-mime-info XML the package installs (/usr/share/mime/packages/keel.xml; the
//   longest matching glob wins over *.json), and Keel's desktop entry opens it: double-click works.
//   The AppImage carries the same desktop entry, but installs no MIME type until a tool such as
//   AppImageLauncher integrates it.
// - macOS (dmg): Keel is the owner of "keel.json" documents, and an alternate (never the default)
//   opener of JSON, so "Open With > Keel" is offered for a .keel.json whatever Finder decides.
// - Windows (NSIS): build/installer.nsh adds Keel to the "Open with" list of .json files
//   (OpenWithProgids), never as their default.
// A file opened any of these ways reaches Keel as a command-line argument (or macOS's open-file
// event), which main reads.
const KEEL_FILE = {
  ext: 'keel.json',
  name: 'Keel program',
  description: 'Keel program',
  mimeType: 'application/x-keel+json',
};

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.keel.desktop',
  productName: 'Keel',
  copyright: 'Copyright © Keel maintainers',
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
    // Every size rendered from build/icon.svg by `npm run icons` (named <n>x<n>.png).
    icon: 'build/icons',
    category: 'Office',
    executableName: 'keel',
    synopsis: 'Planning workshops for AI programs',
    // .deb requires a maintainer; package.json has no author.
    maintainer: 'Keel maintainers',
    fileAssociations: [KEEL_FILE],
    desktop: {
      entry: {
        Comment: 'Plan AI programs in workshops: uncertainty maps, shared metrics, trade-offs and an adaptive plan',
        Keywords: 'planning;workshop;roadmap;decisions;AI;',
      },
    },
  },
  mac: {
    target: ['dmg'],
    icon: 'build/icon.icns',
    category: 'public.app-category.productivity',
    // NSRequiresAquaSystemAppearance: false, so the title bar and menus follow dark mode.
    darkModeSupport: true,
    fileAssociations: [
      { ext: 'keel.json', name: 'Keel program', role: 'Editor', rank: 'Owner' },
      { ext: 'json', name: 'JSON document', role: 'Viewer', rank: 'Alternate' },
    ],
  },
  win: {
    target: ['nsis'],
    icon: 'build/icon.ico',
  },
  nsis: {
    // Per user: no administrator rights, installed under %LOCALAPPDATA%\Programs.
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Keel',
    // The user's programs, backups and settings stay after uninstalling; installer.nsh asks.
    deleteAppDataOnUninstall: false,
    include: 'build/installer.nsh',
    installerIcon: 'build/icon.ico',
    uninstallerIcon: 'build/icon.ico',
  },

  // Flipped in the Electron binary at packaging time, before signing (see "Security" in README.md).
  electronFuses: {
    runAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn Keel into a plain Node.js
    enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS cannot inject code
    enableNodeCliInspectArguments: false, // --inspect cannot attach a debugger
    onlyLoadAppFromAsar: true, // no loose app/ folder next to the asar
    enableEmbeddedAsarIntegrityValidation: true, // a modified app.asar refuses to load (macOS, Windows)
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false, // Keel serves from app://, never file://
    loadBrowserProcessSpecificV8Snapshot: false,
    // Flipping fuses breaks the ad-hoc signature of an unsigned Apple-silicon build, which then
    // will not start; this re-signs it ad hoc (a real signature, when configured, replaces it).
    resetAdHocDarwinSignature: true,
  },
};
