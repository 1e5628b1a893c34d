import qrcode from 'qrcode-generator';

// The join card's QR code as one SVG path, drawn by Svelte (no image, no data: URL the CSP would
// have to allow). Each dark module is a 1x1 square in module units, offset by the quiet zone the
// standard asks for (4 modules of light around the code), so the SVG's viewBox is the whole code.

/** Light modules around the code; scanners need them to find its edges. */
export const QR_QUIET_ZONE = 4;

export interface QrShape {
  /** Modules along one side, quiet zone included: the viewBox's width and height. */
  size: number;
  /** The dark modules as one path ("M4 4h1v1h-1z..."), runs of a row merged. */
  path: string;
  /** How many dark modules the code has (for tests, and a sanity check that it drew). */
  darkModules: number;
}

/**
 * Encodes text (the join url) at error correction level M, the smallest version that holds it.
 * Byte mode: a url is ASCII, which qrcode-generator encodes as it stands.
 */
export function qrShape(text: string): QrShape {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const count = code.getModuleCount();
  let path = '';
  let darkModules = 0;
  for (let row = 0; row < count; row += 1) {
    let col = 0;
    while (col < count) {
      if (!code.isDark(row, col)) {
        col += 1;
        continue;
      }
      // A run of dark modules in a row is one rectangle: fewer path commands, no hairline seams.
      const start = col;
      while (col < count && code.isDark(row, col)) col += 1;
      darkModules += col - start;
      path += `M${start + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h${col - start}v1h-${col - start}z`;
    }
  }
  return { size: count + 2 * QR_QUIET_ZONE, path, darkModules };
}
