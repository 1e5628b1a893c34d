// The security scan's judgement (build/scan-electron.mjs): which findings fail it, and the
// reviewed allowlist it reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findingsFromCsv,
  judgeFindings,
  parseCsv,
  type AcceptedFinding,
  type Finding,
} from '../../../build/electronegativity-findings.mjs';

// As electronegativity 1.10 writes it: quoted fields with "" inside, N/A unquoted, OS line ends.
const REPORT = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'CSP_GLOBAL_CHECK,"LOW","FIRM","dist/renderer/index.html","4:0","default-src \'self\'; style-src \'self\' \'unsafe-inline\'","CSP has minor issues",https://example.invalid/CSP',
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","electron/ipc.ts","61:69","open(""a, b"")","Review the use of openExternal",https://example.invalid/OE',
  'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","electron/main.ts","138:17","new BrowserWindow(","Review the use of the contextIsolation option",https://example.invalid/CI',
  'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK,"MEDIUM","CERTAIN",N/A,"0:0",N/A,"Missing permission handler",https://example.invalid/P',
  '',
].join('\r\n');

const finding = (id: string, severity: string, file: string, sample: string): Finding => ({
  id,
  severity,
  confidence: 'FIRM',
  file,
  location: '1:1',
  sample,
  description: '',
});

describe('findingsFromCsv', () => {
  it('reads each finding, with commas and quotes inside fields', () => {
    const findings = findingsFromCsv(REPORT);
    expect(findings.map(({ id, severity, file }) => [id, severity, file])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', 'dist/renderer/index.html'],
      ['OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'electron/ipc.ts'],
      ['CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/main.ts'],
      ['PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'MEDIUM', 'N/A'],
    ]);
    expect(findings[1]?.sample).toBe('open("a, b")');
    expect(findings[0]?.sample).toBe("default-src 'self'; style-src 'self' 'unsafe-inline'");
  });

  it('reads a report with no findings', () => {
    expect(findingsFromCsv('issue, severity, confidence, filename, location, sample, description, url\n')).toEqual([]);
  });

  it('refuses something that is not its report', () => {
    expect(() => findingsFromCsv('<html>')).toThrow(/not an electronegativity/);
  });

  it('keeps a line break inside a quoted field', () => {
    expect(parseCsv('a,"b\nc"\nd,e')).toEqual([
      ['a', 'b\nc'],
      ['d', 'e'],
    ]);
  });
});

describe('judgeFindings', () => {
  const high = finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/main.ts', 'new BrowserWindow(');
  const medium = finding('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'electron/ipc.ts', 'shell.openExternal(url)');
  const low = finding('CSP_GLOBAL_CHECK', 'LOW', 'dist/renderer/index.html', "style-src 'unsafe-inline'");
  const info = finding('NODE_INTEGRATION_JS_CHECK', 'INFORMATIONAL', 'electron/main.ts', 'x');
  const accept = (f: Finding): AcceptedFinding => ({ id: f.id, file: f.file, sample: f.sample, reason: 'reviewed' });

  it('fails on high and medium findings no entry accepts; low and informational are only reported', () => {
    const result = judgeFindings([high, medium, low, info], [accept(medium)]);
    expect(result.unaccepted).toEqual([high]);
    expect(result.accepted).toEqual([medium]);
    expect(result.informational).toEqual([low, info]);
    expect(result.stale).toEqual([]);
  });

  it('matches on check, file and code: the same check elsewhere is not accepted', () => {
    const elsewhere = { ...high, file: 'electron/presenter-window.ts' };
    const otherCode = { ...high, sample: 'new BrowserWindow({ webPreferences: {} })' };
    expect(judgeFindings([elsewhere, otherCode], [accept(high)]).unaccepted).toEqual([elsewhere, otherCode]);
  });

  it('calls an entry stale when the code it excused is gone', () => {
    expect(judgeFindings([medium], [accept(medium), accept(high)]).stale).toEqual([accept(high)]);
  });
});

describe('build/electronegativity-accepted.json', () => {
  const list = JSON.parse(readFileSync(new URL('../../../build/electronegativity-accepted.json', import.meta.url), 'utf8')) as {
    accepted: AcceptedFinding[];
  };

  it('gives every accepted finding a written reason that names where it is handled', () => {
    expect(list.accepted.length).toBeGreaterThan(0);
    for (const entry of list.accepted) {
      expect(entry.id).toMatch(/^[A-Z_]+_CHECK$/);
      expect(entry.file).toMatch(/^electron\//);
      expect(entry.sample.length).toBeGreaterThan(0);
      expect(entry.reason, entry.id).toMatch(/\.ts\b/); // points at the code or test that makes it safe
      expect(entry.reason.length, entry.id).toBeGreaterThan(60);
    }
  });

  it('lists each finding once', () => {
    const keys = list.accepted.map(({ id, file, sample }) => `${id} ${file} ${sample}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('accepts nothing about node integration, web security or insecure content: those are fixed, never excused', () => {
    for (const { id } of list.accepted) {
      expect(id).not.toMatch(/NODE_INTEGRATION|WEB_SECURITY|INSECURE_CONTENT|EXPERIMENTAL_FEATURES|BLINK_FEATURES|REMOTE_MODULE/);
    }
  });
});
