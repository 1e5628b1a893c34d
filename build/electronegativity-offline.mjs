// Runs electronegativity (found on PATH, where `npx -p` puts it) with the network switched off,
// so the scan gives the same result on every machine. The tool otherwise tries two downloads:
// translations of its messages, and Electron's release list for AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK
// (which the pinned Electron version and `npm audit` cover instead). Both fail fast here, and the
// tool carries on without them. Usage: node electronegativity-offline.mjs <electronegativity args>
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

net.Socket.prototype.connect = function refuseConnection() {
  process.nextTick(() => this.destroy(new Error('the security scan runs offline')));
  return this;
};

const bin = (process.env.PATH ?? '')
  .split(path.delimiter)
  .map((dir) => path.join(dir, 'electronegativity'))
  .find((candidate) => fs.existsSync(candidate));
if (!bin) {
  console.error('electronegativity is not on PATH: run this through `npx -p @doyensec/electronegativity@<version>`.');
  process.exit(2);
}
const entry = fs.realpathSync(bin);
process.argv = [process.argv[0], entry, ...process.argv.slice(2)];
// The tool is CommonJS and reads process.argv as it loads.
createRequire(import.meta.url)(entry);
