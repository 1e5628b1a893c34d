// The installer icons committed in build/ (made by `npm run icons` from build/icon.svg): each is
// a real PNG of the size its name or directory entry says, and all were made from the SVG as it
// is now. The ICO and ICNS readers here are written from the formats, not shared with the writer.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const file = (name: string): Buffer => readFileSync(new URL(`../../../build/${name}`, import.meta.url));

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, which must come first. */
function pngDimensions(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The images in an ICO file: the size its directory entry states and the bytes it points at. */
function icoImages(ico: Buffer): Array<{ size: number; data: Buffer }> {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, index) => {
    const entry = 6 + 16 * index;
    const width = ico.readUInt8(entry) || 256;
    const height = ico.readUInt8(entry + 1) || 256;
    expect(height).toBe(width);
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    expect(offset + length).toBeLessThanOrEqual(ico.length);
    return { size: width, data: ico.subarray(offset, offset + length) };
  });
}

/** The elements of an ICNS file: their four-letter type and data. */
function icnsElements(icns: Buffer): Array<{ type: string; data: Buffer }> {
  expect(icns.toString('ascii', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const elements: Array<{ type: string; data: Buffer }> = [];
  for (let offset = 8; offset < icns.length; ) {
    const length = icns.readUInt32BE(offset + 4);
    expect(length).toBeGreaterThan(8);
    elements.push({ type: icns.toString('ascii', offset, offset + 4), data: icns.subarray(offset + 8, offset + length) });
    offset += length;
  }
  return elements;
}

// The pixel size of each ICNS type that holds a PNG (Apple's icns format, as in iconutil).
const ICNS_SIZE: Record<string, number> = {
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
  ic11: 32,
  ic12: 64,
  ic13: 256,
  ic14: 512,
};

describe('installer icons', () => {
  it.each([16, 24, 32, 48, 64, 128, 256, 512, 1024])('build/icons/%ix%i.png is a PNG of that size', (size) => {
    expect(pngDimensions(file(`icons/${size}x${size}.png`))).toEqual({ width: size, height: size });
  });

  it('build/icon.png is the 1024 px icon', () => {
    expect(pngDimensions(file('icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it('build/icon.ico holds PNGs of 16 to 256 px, each the size its entry says', () => {
    const images = icoImages(file('icon.ico'));
    expect(images.map(({ size }) => size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const { size, data } of images) expect(pngDimensions(data)).toEqual({ width: size, height: size });
  });

  it('build/icon.icns holds a PNG for every size macOS asks for, each of its type\'s size', () => {
    const elements = icnsElements(file('icon.icns'));
    expect(new Set(elements.map(({ type }) => type))).toEqual(new Set(Object.keys(ICNS_SIZE)));
    for (const { type, data } of elements) {
      expect(pngDimensions(data), type).toEqual({ width: ICNS_SIZE[type], height: ICNS_SIZE[type] });
    }
  });

  it('were made from build/icon.svg as it is now (run `npm run icons` after changing it)', () => {
    const hash = createHash('sha256').update(file('icon.svg').toString('utf8')).digest('hex');
    expect(file('icons/source.sha256').toString('utf8').split(/\s+/)[0]).toBe(hash);
  });

  it('draw the app\'s own mark: the keel and sail of renderer/public/icon.svg', () => {
    const appIcon = readFileSync(new URL('../../../renderer/public/icon.svg', import.meta.url), 'utf8');
    const installerIcon = file('icon.svg').toString('utf8');
    const paths = (svg: string) => [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]);
    for (const d of paths(appIcon)) expect(paths(installerIcon)).toContain(d);
  });
});
