import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettingsStore, DEFAULT_SETTINGS, parseSettings, readSettings } from '../../../electron/settings.js';

describe('parseSettings', () => {
  it('reads each theme choice', () => {
    for (const theme of ['system', 'light', 'dark'] as const) expect(parseSettings({ theme }).theme).toBe(theme);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['an array', ['dark']],
    ['a string', 'dark'],
    ['an unknown theme', { theme: 'sepia' }],
    ['a theme of the wrong type', { theme: 1 }],
    ['no theme', {}],
  ])('gives the default theme for %s', (_name, raw) => {
    expect(parseSettings(raw).theme).toBe(DEFAULT_SETTINGS.theme);
  });

  it('keeps settings a newer Keel wrote', () => {
    expect(parseSettings({ theme: 'dark', zoom: 1.2 })).toEqual({ theme: 'dark', zoom: 1.2 });
  });
});

describe('settings file', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'keel-settings-'));
    file = path.join(dir, 'settings.json');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the defaults when there is no file, or it is truncated or not JSON', async () => {
    await expect(readSettings(file)).resolves.toEqual(DEFAULT_SETTINGS);
    await writeFile(file, '{"theme": "da');
    await expect(readSettings(file)).resolves.toEqual(DEFAULT_SETTINGS);
    await writeFile(file, '\u0000\u0001');
    await expect(readSettings(file)).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('writes the choice so the next launch reads it, keeping other keys', async () => {
    await writeFile(file, JSON.stringify({ theme: 'light', fromNewerKeel: true }));
    const store = createSettingsStore(file);
    await expect(store.load()).resolves.toMatchObject({ theme: 'light' });
    await store.update({ theme: 'dark' });
    await expect(store.load()).resolves.toMatchObject({ theme: 'dark' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ theme: 'dark', fromNewerKeel: true });
    await expect(createSettingsStore(file).load()).resolves.toMatchObject({ theme: 'dark' });
  });

  it('applies quick changes in order: the last one wins on disk', async () => {
    const store = createSettingsStore(file);
    void store.update({ theme: 'dark' });
    void store.update({ theme: 'light' });
    await store.update({ theme: 'system' });
    await store.flush();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ theme: 'system' });
  });

  it('keeps the choice in memory when the disk refuses it, and writes it next time', async () => {
    const write = vi.fn(async (target: string, data: string) => {
      if (write.mock.calls.length === 1) throw new Error('EACCES');
      await writeFile(target, data);
    });
    const store = createSettingsStore(file, write);
    await store.update({ theme: 'dark' });
    await expect(store.load()).resolves.toMatchObject({ theme: 'dark' });
    await expect(readFile(file, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    await store.update({ theme: 'light' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ theme: 'light' });
  });

  it('reads the file once', async () => {
    await writeFile(file, JSON.stringify({ theme: 'dark' }));
    const store = createSettingsStore(file);
    await store.load();
    await writeFile(file, JSON.stringify({ theme: 'light' })); // changed behind its back
    await expect(store.load()).resolves.toMatchObject({ theme: 'dark' });
  });
});
