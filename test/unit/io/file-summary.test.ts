import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeCounts } from '../../../renderer/src/domain/backups/contents';
import { summarizeKeelFile, upgradedPrograms } from '../../../renderer/src/io/file-summary';
import { CURRENT_FORMAT_VERSION } from '../../../renderer/src/io/format';
import { describeImportError } from '../../../renderer/src/io/import-errors';
import { parseAnyKeelFile } from '../../../renderer/src/io/workspace-file';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const v7 = fixture('format-v7/support-assistant-workshop.keel.json');
const v8 = fixture('format-v8/support-assistant-room.keel.json');
const v5 = fixture('format-v5/support-assistant.keel.json');

function workspaceOf(programs: unknown[]): string {
  return JSON.stringify({ format: 'keel-workspace', formatVersion: 1, appVersion: '0.2.0', exportedAt: '2026-11-29T10:00:00.000Z', programs });
}

describe('summarizeKeelFile', () => {
  it('a program file: its name, description, counts of every area, when it was exported and in which format version', () => {
    const summary = summarizeKeelFile(v8, 'Workshop.keel.json');
    if (!summary.ok) throw new Error(summary.message);
    expect(summary.kind).toBe('program');
    expect(summary.fileName).toBe('Workshop.keel.json');
    expect(summary.exportedAt).toBe(Date.parse('2026-11-30T01:55:00.000Z'));
    expect(summary.appVersion).toBe('0.13.0');
    expect(summary.formatVersion).toBe(8);
    expect(summary.programs).toHaveLength(1);
    const [program] = summary.programs;
    expect(program?.name).toBe('Support assistant');
    expect(program?.id).toBe('4ec1dc9c-29d3-442f-89dc-11ddee88de58');
    expect(program?.formatVersion).toBe(8);
    expect(describeCounts(program!)).toBe(
      '7 uncertainty items, 4 metrics, 2 trade-off matrices, 7 roadmap items, 3 decisions, 2 scope changes, 4 actions, 2 sessions',
    );
    expect(upgradedPrograms(summary)).toEqual([]);
  });

  it('keeps the import pipeline\'s own reading, so importing needs no second parse', () => {
    const summary = summarizeKeelFile(v7, 'Workshop.keel.json');
    if (!summary.ok) throw new Error(summary.message);
    expect(summary.parsed).toEqual(parseAnyKeelFile(v7));
  });

  it('an older file names the version it was written in, which the import upgrades', () => {
    const summary = summarizeKeelFile(v5, 'old.keel.json');
    if (!summary.ok) throw new Error(summary.message);
    expect(summary.formatVersion).toBe(5);
    expect(upgradedPrograms(summary).map((p) => p.formatVersion)).toEqual([5]);
    expect(CURRENT_FORMAT_VERSION).toBeGreaterThan(5);
  });

  it('a workspace file: several programs, each with its own format version, the envelope\'s date', () => {
    const summary = summarizeKeelFile(workspaceOf([JSON.parse(v7), JSON.parse(v5)]), 'All.keel-workspace.json');
    if (!summary.ok) throw new Error(summary.message);
    expect(summary.kind).toBe('workspace');
    expect(summary.exportedAt).toBe(Date.parse('2026-11-29T10:00:00.000Z'));
    expect(summary.appVersion).toBe('0.2.0');
    expect(summary.formatVersion).toBe(1);
    expect(summary.programs.map((p) => [p.name, p.formatVersion])).toEqual([
      ['Support assistant', 7],
      ['Support assistant', 5],
    ]);
  });

  it('a program with nothing in it is "empty"', () => {
    const file = JSON.parse(v7);
    for (const table of Object.keys(file.data)) file.data[table] = [];
    const summary = summarizeKeelFile(JSON.stringify(file), 'empty.keel.json');
    if (!summary.ok) throw new Error(summary.message);
    expect(describeCounts(summary.programs[0]!)).toBe('empty');
  });

  it.each([
    ['bad/truncated.keel.json', 'truncated.keel.json'],
    ['bad/not-keel.json', 'not-keel.json'],
    ['bad/newer-version.keel.json', 'newer-version.keel.json'],
    ['bad/proto-pollution.keel.json', 'proto-pollution.keel.json'],
  ])('a file that does not read (%s) gives the sentence Import… gives', (path, fileName) => {
    const text = fixture(path);
    const summary = summarizeKeelFile(text, fileName);
    const parsed = parseAnyKeelFile(text);
    if (summary.ok || parsed.ok) throw new Error('expected a refusal');
    expect(summary.message).toBe(describeImportError(parsed.error, fileName));
    expect(summary.message).toMatch(/Nothing was imported/);
  });

  it('a workspace with no programs has nothing to import', () => {
    const summary = summarizeKeelFile(workspaceOf([]), 'none.keel-workspace.json');
    expect(summary).toEqual({ ok: false, fileName: 'none.keel-workspace.json', message: describeImportError({ kind: 'empty-workspace' }, 'none.keel-workspace.json') });
  });

  it('a file over the limit is refused before it is parsed', () => {
    const summary = summarizeKeelFile(v7, 'big.keel.json', 100);
    expect(summary.ok).toBe(false);
    if (!summary.ok) expect(summary.message).toMatch(/^big\.keel\.json is .* more than the .* Keel can import/);
  });
});
