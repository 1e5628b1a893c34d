// Renders build/icon.svg into every icon the installers need (`npm run icons`):
//   build/icons/<n>x<n>.png  the Linux icon set (electron-builder's linux.icon folder)
//   build/icon.png           1024 px, the source electron-builder falls back to
//   build/icon.ico           Windows: PNG images of 16 to 256 px in one ICO (Vista and later)
//   build/icon.icns          macOS: PNG images of 16 to 1024 px in one ICNS
//   build/icons/source.sha256  the SVG these were made from (a unit test compares)
// The outputs are committed, so building an installer never needs Chromium; this script does.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const buildDir = path.dirname(fileURLToPath(import.meta.url));
const iconsDir = path.join(buildDir, 'icons');

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types that hold a PNG, with the pixel size each must be. */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32], // 16 @2x
  ['icp6', 64],
  ['ic12', 64], // 32 @2x
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256], // 128 @2x
  ['ic09', 512],
  ['ic14', 512], // 256 @2x
  ['ic10', 1024], // 512 @2x
];
/** At these sizes and below the tile fills the square: a margin would leave a blur of a few pixels. */
const FULL_BLEED_MAX = 64;
const TILE_VIEWBOX = '100 100 824 824';

/** An ICO file holding PNG images (`images`: size -> PNG bytes), little-endian as the format says. */
function icoFile(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(([size, png], index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(([, png]) => png)]);
}

/** An ICNS file: 'icns', the total length, then type + length (with its 8-byte header) + PNG, big-endian. */
function icnsFile(elements) {
  const parts = elements.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

async function renderPngs(svg) {
  const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const pngs = new Map();
    for (const size of PNG_SIZES) {
      let sized = svg.replace(/\swidth="\d+"\sheight="\d+"/, ` width="${size}" height="${size}"`);
      if (size <= FULL_BLEED_MAX) sized = sized.replace(/viewBox="[^"]*"/, `viewBox="${TILE_VIEWBOX}"`);
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
      pngs.set(size, await page.locator('svg').screenshot({ omitBackground: true, type: 'png' }));
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

async function main() {
  const svg = await readFile(path.join(buildDir, 'icon.svg'), 'utf8');
  if (!/\swidth="\d+"\sheight="\d+"/.test(svg)) throw new Error('build/icon.svg needs width="…" height="…" on its <svg>');
  const pngs = await renderPngs(svg);
  const png = (size) => pngs.get(size);
  await mkdir(iconsDir, { recursive: true });
  for (const size of PNG_SIZES) await writeFile(path.join(iconsDir, `${size}x${size}.png`), png(size));
  await writeFile(path.join(buildDir, 'icon.png'), png(1024));
  await writeFile(path.join(buildDir, 'icon.ico'), icoFile(ICO_SIZES.map((size) => [size, png(size)])));
  await writeFile(path.join(buildDir, 'icon.icns'), icnsFile(ICNS_TYPES.map(([type, size]) => [type, png(size)])));
  const hash = createHash('sha256').update(svg).digest('hex');
  await writeFile(path.join(iconsDir, 'source.sha256'), `${hash}  icon.svg\n`);
  console.log(`Icons written from build/icon.svg (sha256 ${hash.slice(0, 12)}…).`);
}

await main();
