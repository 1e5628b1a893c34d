import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { newBlock, newSession } from '../../../renderer/src/domain/sessions/edits';
import type { Capture } from '../../../renderer/src/domain/sessions/model';
import { programState, type ProgramState, type SessionSnapshot } from '../../../renderer/src/domain/sessions/snapshot';
import { endSession, finishBlock, startBlock } from '../../../renderer/src/domain/sessions/timer';
import type { OwnedRow } from '../../../renderer/src/domain/snapshot';
import { parseKeelFile, serializeProgram } from '../../../renderer/src/io/keel-file';
import { expect, test, type KeelApp } from './fixtures';
import { changeThePlan, PLAN_CHANGES } from './plan-changes';

// Looking back: a program with a closed session is imported, the plan changes, and "since last
// session" lists exactly those changes; the map draws the moves as trails; the closed session's
// page shows what happened in it.

const fixture = fileURLToPath(new URL('../../fixtures/format-v6/support-assistant-plan.keel.json', import.meta.url));
const HOUR = 3_600_000;

/**
 * The format-6 plan with one closed session, "Kick-off", held two days ago: its first block done,
 * its second skipped, its third never reached; it captured an action and a note, and added that
 * action during the session (its start snapshot lacks it). The end snapshot is the plan as it is.
 */
function planWithClosedSession(): { name: string; mimeType: string; buffer: Buffer } {
  const parsed = parseKeelFile(readFileSync(fixture, 'utf8'));
  if (!parsed.ok) throw new Error('The format-6 fixture did not read');
  const snapshot = parsed.snapshot;
  const programId = snapshot.program.id;
  const startedAt = Date.now() - 48 * HOUR;
  const endedAt = startedAt + 1.5 * HOUR;
  let session = newSession(
    programId,
    {
      title: 'Kick-off',
      date: new Date(startedAt).toISOString().slice(0, 10),
      plannedMinutes: 90,
      blocks: [
        newBlock({ title: 'Map the risks', plannedMinutes: 40, method: 'uncertainty' }),
        newBlock({ title: 'Agree the metrics', plannedMinutes: 30, method: 'metrics' }),
        newBlock({ title: 'Retro', plannedMinutes: 15, method: 'retro' }),
      ],
    },
    startedAt - HOUR,
  );
  session = startBlock(session, session.blocks[0]!.id, startedAt);
  session = finishBlock(session, 'done', startedAt + 50 * 60_000);
  session = finishBlock(session, 'skipped', startedAt + 80 * 60_000);
  // The retro started by itself when the metrics block was skipped; the room closed before it began.
  session = { ...session, currentBlockId: '', blocks: session.blocks.map((b, i) => (i === 2 ? { ...b, startedAt: null, endedAt: null, outcome: null } : b)) };
  session = endSession(session, endedAt);
  const end: ProgramState = programState(snapshot);
  const action = end.actions[0]!;
  const start: ProgramState = { ...end, actions: end.actions.filter((a) => a.id !== action.id) };
  const kept = (moment: SessionSnapshot['moment'], at: number, state: ProgramState): SessionSnapshot => ({ id: crypto.randomUUID(), programId, sessionId: session.id, moment, at, state });
  const startSnapshot = kept('start', startedAt, start);
  const endSnapshot = kept('end', endedAt, end);
  session = { ...session, startSnapshotId: startSnapshot.id, endSnapshotId: endSnapshot.id, updatedAt: endedAt };
  const capture = (kind: Capture['kind'], recordId: string, text: string, at: number): Capture => ({
    id: crypto.randomUUID(),
    programId,
    sessionId: session.id,
    blockId: session.blocks[0]!.id,
    kind,
    recordId,
    text,
    done: false,
    at,
  });
  const owned = (rows: object[]) => rows as unknown as OwnedRow[];
  snapshot.owned.sessions = owned([session]);
  snapshot.owned.snapshots = owned([startSnapshot, endSnapshot]);
  snapshot.owned.captures = owned([capture('action', action.id, action.title, startedAt + 20 * 60_000), capture('note', '', 'Ask legal about refunds', startedAt + 30 * 60_000)]);
  return { name: 'kick-off.keel.json', mimeType: 'application/json', buffer: Buffer.from(serializeProgram(snapshot, '0.0.0-test', new Date())) };
}

async function importPlan(app: KeelApp) {
  await app.open();
  await app.importFile(planWithClosedSession(), 'Support assistant');
}


test('the map draws the moves since the last session as trails, with the moves in words, remembered across a reload', async ({ app, page }) => {
  await importPlan(app);
  await changeThePlan(app, page);
  await app.openArea('Uncertainty');

  const toggle = page.getByRole('checkbox', { name: 'Show moves since last session' });
  await expect(toggle).not.toBeChecked();
  await expect(page.locator('svg.map g.moves')).toHaveCount(0);
  await toggle.check();

  const moves = page.getByRole('region', { name: 'Moves since last session' });
  await expect(moves).toContainText(/1 item moved since Kick-off on/);
  await expect(moves.getByRole('listitem')).toHaveText(['Tone drifts on angry tickets moved from Watch to Test first (impact 2.2 → 3.2)']);
  // The trail: a line with an arrowhead from a ring where it was to the mark.
  const trail = page.locator('svg.map g.moves');
  await expect(trail).toHaveAttribute('data-trails', '1');
  await expect(trail.locator('polyline')).toHaveAttribute('marker-end', /url\(#trail-head-/);
  await expect(trail.locator('circle.from')).toHaveCount(1);
  await app.expectAccessible('map with trails');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.expectAccessible('map with trails, dark');

  // A line of the list selects its item on the map.
  await moves.getByRole('button', { name: 'Tone drifts on angry tickets' }).click();
  await expect(page.getByRole('complementary', { name: 'Item details' })).toBeVisible();

  // The choice holds across a reload; turned off, the trails go.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Show moves since last session' })).toBeChecked();
  await expect(page.locator('svg.map g.moves')).toHaveAttribute('data-trails', '1');
  await page.getByRole('checkbox', { name: 'Show moves since last session' }).uncheck();
  await expect(page.locator('svg.map g.moves')).toHaveCount(0);
  await expect(moves).toBeHidden();
});

test('a closed session’s page shows what happened, and what changed since lists exactly the changes made after it', async ({ app, page }) => {
  await importPlan(app);
  await changeThePlan(app, page);
  await app.openArea('Sessions');
  await page.getByRole('link', { name: /Kick-off/ }).first().click();

  const what = page.getByRole('region', { name: 'What happened' });
  await expect(what).toContainText('1 of 3 blocks done, 2 to carry over; 2 captures; 0 decisions; 1 other change; 0 votes.');
  const agenda = page.getByRole('region', { name: 'Agenda: planned and held' });
  await expect(agenda.getByRole('row')).toHaveText([/Block/, /Map the risks.*40 min.*50 min \(10 over\).*Done/, /Agree the metrics.*30 min.*30 min.*Skipped/, /Retro.*15 min.*—.*Not reached/, /Total.*85 min.*80 min/]);
  const carried = page.getByRole('region', { name: 'Carried over' });
  await expect(carried.getByRole('listitem')).toHaveText([/Agree the metrics/, /Retro/]);
  const captured = page.getByRole('region', { name: 'Captured' });
  await expect(captured.getByRole('link')).toHaveCount(1);
  await expect(captured).toContainText('Ask legal about refunds');
  await expect(page.getByRole('region', { name: 'Changed', exact: true }).getByRole('listitem')).toHaveCount(1);

  const since = page.getByRole('region', { name: 'What changed since' });
  await expect(since.getByRole('combobox', { name: 'From' })).toHaveValue(/:end$/);
  await expect(since.getByRole('combobox', { name: 'To' })).toHaveValue('now');
  await expect(since.getByRole('listitem')).toHaveText(PLAN_CHANGES);
  await expect(since.getByRole('link', { name: 'Tone drifts on angry tickets' })).toHaveAttribute('href', /#\/programs\/[^/]+\/uncertainty\/[^/]+$/);
  await app.expectAccessible('closed session review');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.expectAccessible('closed session review, dark');
});
