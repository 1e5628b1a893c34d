import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCounts, programContents } from '../../../../renderer/src/domain/backups/contents';
import { backupName, backupTime } from '../../../../renderer/src/domain/backups/names';
import { shouldRemindToDownload } from '../../../../renderer/src/domain/backups/reminder';
import { backupsToKeep, BACKUP_INTERVAL_MS, type RotationPolicy } from '../../../../renderer/src/domain/backups/rotation';
import { backupDue } from '../../../../renderer/src/domain/backups/schedule';
import { backupWhen } from '../../../../renderer/src/domain/backups/when';
import type { OwnedRow } from '../../../../renderer/src/domain/snapshot';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// Days counted in UTC so the test does not depend on the machine's time zone.
const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const policy: RotationPolicy = { recent: 3, days: 7, dayOf: utcDay };
const now = Date.UTC(2026, 10, 29, 14, 0);

describe('backupsToKeep', () => {
  it('keeps everything while there are no more than the recent ones', () => {
    const times = [now - 10 * MIN, now - 30 * MIN];
    expect(backupsToKeep(times, now, policy)).toEqual([now - 10 * MIN, now - 30 * MIN]);
  });

  it('keeps the newest few and the newest backup of each of the last seven days, newest first', () => {
    const times = [
      now - 5 * MIN, now - 20 * MIN, now - 35 * MIN, now - 50 * MIN, // today: three recent, one dropped
      now - DAY, now - DAY - HOUR, // yesterday: the newer kept
      now - 6 * DAY, // six days back: the last day kept
      now - 7 * DAY, now - 30 * DAY, // older: dropped
    ];
    expect(backupsToKeep(times, now, policy)).toEqual([now - 5 * MIN, now - 20 * MIN, now - 35 * MIN, now - DAY, now - 6 * DAY]);
  });

  it('never drops a backup from the future (a clock set back)', () => {
    expect(backupsToKeep([now + DAY, now - MIN, now - 2 * MIN, now - 3 * MIN, now - 4 * MIN], now, policy)).toContain(now + DAY);
  });

  it('always keeps the newest, keeps at most recent + days (+ future), and keeps a subset (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: now - 40 * DAY, max: now }), { maxLength: 60 }), (times) => {
        const kept = backupsToKeep(times, now, policy);
        expect(kept.every((t) => times.includes(t))).toBe(true);
        expect(kept.length).toBeLessThanOrEqual(policy.recent + policy.days);
        if (times.length) expect(kept[0]).toBe(Math.max(...times));
        // Running the rotation again on what it kept keeps it all: rotation is stable.
        expect(backupsToKeep(kept, now, policy)).toEqual(kept);
      }),
    );
  });
});

describe('backup names', () => {
  it('names a backup by its time and reads the time back', () => {
    const time = Date.UTC(2026, 10, 29, 14, 30, 5, 123);
    expect(backupName(time)).toBe('keel-backup-2026-11-29T14-30-05-123Z.keel-workspace.json');
    expect(backupTime(backupName(time))).toBe(time);
  });

  it('round-trips any time and refuses names Keel did not give', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 0) }), (time) => {
      expect(backupTime(backupName(time))).toBe(time);
    }));
    for (const name of ['notes.txt', 'keel-backup-2026-02-31T00-00-00-000Z.keel-workspace.json', 'keel-backup-2026-11-29T14-30-05-123Z.keel.json', '../keel-backup-2026-11-29T14-30-05-123Z.keel-workspace.json']) {
      expect(backupTime(name), name).toBeUndefined();
    }
  });

  it('fits the IPC rule for backup names (letters, digits, ".", "_", "-")', () => {
    expect(backupName(now)).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/);
  });
});

describe('backupDue', () => {
  it('waits for a change, then backs up at most once per interval', () => {
    expect(backupDue({ now, lastBackupAt: undefined, changedAt: undefined })).toBe(false);
    expect(backupDue({ now, lastBackupAt: undefined, changedAt: now - MIN })).toBe(true);
    const last = now - 10 * MIN;
    expect(backupDue({ now, lastBackupAt: last, changedAt: now - MIN })).toBe(false);
    expect(backupDue({ now: last + BACKUP_INTERVAL_MS, lastBackupAt: last, changedAt: now - MIN })).toBe(true);
    // Nothing changed since the last backup: none, however long ago it was.
    expect(backupDue({ now: now + DAY, lastBackupAt: last, changedAt: last - MIN })).toBe(false);
  });

  it('does not stop for good when the last backup is in the future', () => {
    expect(backupDue({ now, lastBackupAt: now + DAY, changedAt: now + DAY + 1 })).toBe(true);
  });
});

describe('shouldRemindToDownload', () => {
  const base = { now, lastDownloadAt: undefined, dismissedAt: undefined, oldestProgramAt: now - 8 * DAY };

  it('is never shown without programs', () => {
    expect(shouldRemindToDownload({ ...base, oldestProgramAt: undefined })).toBe(false);
  });

  it('waits until the programs (or the last download) are older than the set days', () => {
    expect(shouldRemindToDownload({ ...base, oldestProgramAt: now - 2 * DAY })).toBe(false);
    expect(shouldRemindToDownload(base)).toBe(true);
    expect(shouldRemindToDownload({ ...base, lastDownloadAt: now - 3 * DAY })).toBe(false);
    expect(shouldRemindToDownload({ ...base, lastDownloadAt: now - 7 * DAY })).toBe(true);
  });

  it('is quiet for the same number of days after "Not now"', () => {
    expect(shouldRemindToDownload({ ...base, dismissedAt: now - DAY })).toBe(false);
    expect(shouldRemindToDownload({ ...base, dismissedAt: now - 7 * DAY })).toBe(true);
  });
});

describe('backup contents and times', () => {
  it('counts what a program holds in words, leaving out empty areas', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, programId: 'p' }) as OwnedRow);
    const contents = programContents({
      program: { id: 'p', name: 'Fraud triage', description: '', createdAt: 0, updatedAt: 0, archivedAt: null, deletedAt: null, staleAfterDays: 30 },
      owned: { layers: rows(7), uncertaintyItems: rows(7), metrics: rows(1), matrices: rows(2), sessions: rows(0) },
    });
    expect(contents.name).toBe('Fraud triage');
    expect(describeCounts(contents)).toBe('7 uncertainty items, 1 metric, 2 trade-off matrices');
    expect(describeCounts({ name: 'x', counts: [] })).toBe('empty');
  });

  it('says today and yesterday in words, with the time', () => {
    const local = new Date(2026, 10, 29, 14, 30).getTime();
    expect(backupWhen(local - 2 * HOUR, local)).toMatch(/^Today 12.30/);
    expect(backupWhen(local - DAY, local)).toMatch(/^Yesterday /);
    expect(backupWhen(local - 3 * DAY, local)).not.toMatch(/^(Today|Yesterday)/);
  });
});
