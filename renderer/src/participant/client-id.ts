// Ids the page gives each message it sends, so a message resent after a dropped connection is
// recorded once by the host. crypto.getRandomValues works on plain HTTP (crypto.randomUUID and
// crypto.subtle need a secure context, which a room's LAN address is not).

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 16 random bytes as 22 base64url characters (within the protocol's [A-Za-z0-9_-]{8,64}). */
export function newClientId(fill: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => void crypto.getRandomValues(b)): string {
  const bytes = new Uint8Array(16);
  fill(bytes);
  let id = '';
  // Three bytes make four characters; the 16th byte makes the last two.
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 3 <= bytes.length ? 4 : bytes.length - i + 1;
    for (let c = 0; c < chars; c++) id += BASE64URL[(n >> (18 - 6 * c)) & 63];
  }
  return id;
}
