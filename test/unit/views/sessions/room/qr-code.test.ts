import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { QR_QUIET_ZONE, qrShape } from '../../../../../renderer/src/views/sessions/room/qr-code';

/** The modules the path paints, as "row,col" in code coordinates (quiet zone taken off). */
function painted(path: string): Set<string> {
  const cells = new Set<string>();
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(w); i += 1) cells.add(`${Number(y) - QR_QUIET_ZONE},${Number(x) - QR_QUIET_ZONE + i}`);
  }
  return cells;
}

describe('qrShape', () => {
  const url = 'http://192.168.1.20:51234/?join=abcdefghijklmnopqrstuvwx';

  it('paints exactly the dark modules of the code, inside a quiet zone of four modules', () => {
    const code = qrcode(0, 'M');
    code.addData(url, 'Byte');
    code.make();
    const count = code.getModuleCount();
    const dark = new Set<string>();
    for (let r = 0; r < count; r += 1) for (let c = 0; c < count; c += 1) if (code.isDark(r, c)) dark.add(`${r},${c}`);

    const shape = qrShape(url);
    expect(shape.size).toBe(count + 8);
    expect(painted(shape.path)).toEqual(dark);
    expect(shape.darkModules).toBe(dark.size);
    // The whole path is rectangles (nothing else slipped in).
    expect(shape.path.replace(/M\d+ \d+h(\d+)v1h-\1z/g, '')).toBe('');
  });

  it('starts with the top-left finder pattern: a row of seven dark modules at the quiet zone', () => {
    expect(qrShape(url).path.startsWith('M4 4h7v1h-7z')).toBe(true);
  });

  it('grows with the text and stays the same for the same text', () => {
    expect(qrShape('http://10.0.0.5:4000/').size).toBeLessThan(qrShape(`${url}&more=${'x'.repeat(100)}`).size);
    expect(qrShape(url)).toEqual(qrShape(url));
  });
});
