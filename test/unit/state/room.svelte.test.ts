import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BallotMessage, ParticipantView, SubmitMessage } from '../../../electron/room/protocol';
import type { Program } from '../../../renderer/src/domain/program';
import { newBlock, newSession } from '../../../renderer/src/domain/sessions/edits';
import type { Session } from '../../../renderer/src/domain/sessions/model';
import { ProgramRepository } from '../../../renderer/src/storage/programs-repo';
import { SessionRunRepository } from '../../../renderer/src/storage/session-run-repo';
import { SessionsRepository } from '../../../renderer/src/storage/sessions-repo';
import { VotesRepository } from '../../../renderer/src/storage/votes-repo';
import { RoomHostState } from '../../../renderer/src/state/room.svelte';
import type { Services } from '../../../renderer/src/state/services';
import { answer, mounted, runToastAction, until, withProgram } from './harness.svelte';
import { device, FakeRoomLink } from './fake-room-link';

let services: Services;
let program: Program;
let session: Session;
let link: FakeRoomLink;
const destroyers: (() => void)[] = [];

beforeEach(async () => {
  ({ services, program } = await withProgram());
  const block = newBlock({ title: 'What could go wrong', plannedMinutes: 20, method: 'uncertainty' });
  session = {
    ...newSession(program.id, { title: 'Kick-off', participants: [{ id: 'ana', name: 'Ana', function: 'Product' }], blocks: [block] }, 1),
    status: 'running',
    startedAt: 1,
    currentBlockId: block.id,
  };
  await services.db.sessions.add(session);
  link = new FakeRoomLink();
});

afterEach(() => {
  for (const destroy of destroyers.splice(0)) destroy();
  services.db.close();
});

/** The host on `withLink` (null: where no room server can run). */
function host(withLink: FakeRoomLink | null = link): RoomHostState {
  const { value, destroy } = mounted(() => new RoomHostState(services, withLink ?? undefined));
  destroyers.push(() => {
    value.dispose();
    destroy();
  });
  return value;
}

async function started(): Promise<RoomHostState> {
  const state = host();
  await until(() => state.phase === 'off');
  expect(await state.start(program.id, session.id, '192.168.1.20')).toBe(true);
  return state;
}

/** Admits a device that joined as `name` and gives the participant id it was admitted as. */
async function admitted(state: RoomHostState, id: string, name: string): Promise<string> {
  link.emit({ type: 'device', device: device(id, name) });
  await until(() => state.people.some((p) => p.id === id));
  await state.admit([id]);
  return link.of('admit').find((c) => c.deviceId === id)!.participantId;
}

function intention(deviceId: string, participantId: string, message: SubmitMessage | BallotMessage): void {
  link.emit({ type: 'intention', deviceId, participantId, intention: message, receivedAt: 1 });
}

const submit = (id: string, text = 'Refunds differ by country'): SubmitMessage => ({ type: 'submit', id, blockId: session.currentBlockId, kind: 'uncertainty', text });

/** Every view the host has published to a device, oldest first. */
function viewsOf(deviceId: string): ParticipantView[] {
  return link.of('publish').flatMap((c) => (c.views[deviceId] ? [c.views[deviceId]] : []));
}

describe('room mode’s host', () => {
  it('is unavailable, with a sentence, where there is no room server', () => {
    const state = host(null);
    expect(state.phase).toBe('unavailable');
    expect(state.problem).toMatch(/cannot listen for devices/);
  });

  it('starts on the chosen network and offers it first next time, in any window', async () => {
    const state = await started();
    expect(state.phase).toBe('on');
    expect(state.sessionId).toBe(session.id);
    expect(state.info?.code).toBe('ABC234');
    expect(link.starts).toEqual([{ address: '192.168.1.20', sessionTitle: 'Kick-off' }]);
    const other = host(new FakeRoomLink());
    await other.loadInterfaces();
    expect(other.interfaces[0]?.address).toBe('192.168.1.20');
    expect(JSON.parse(localStorage.getItem('keel.room.address')!)).toBe('192.168.1.20');
  });

  it('says why it could not start, and refuses a session that is not running', async () => {
    const state = host();
    link.startAnswer = { ok: false, message: 'That address is no longer on this computer.' };
    expect(await state.start(program.id, session.id, '10.0.0.9')).toBe(false);
    expect(state).toMatchObject({ phase: 'off', problem: 'That address is no longer on this computer.' });
    await services.db.sessions.update(session.id, { status: 'planned' });
    expect(await state.start(program.id, session.id, '192.168.1.20')).toBe(false);
    expect(state.problem).toBe('Start the session first: room mode opens for a running session.');
  });

  it('sends a waiting device only the session’s title and its own name', async () => {
    await started();
    link.emit({ type: 'device', device: device('d1', 'Dee') });
    await until(() => viewsOf('d1').length > 0);
    expect(viewsOf('d1').at(-1)).toEqual({ sessionTitle: 'Kick-off', name: 'Dee', status: 'waiting', block: null, round: null, mine: [] });
  });

  it('admits a device as a new participant, or as the one of the same name', async () => {
    const state = await started();
    const dee = await admitted(state, 'd1', 'Dee');
    const ana = await admitted(state, 'd2', 'ANA');
    expect(ana).toBe('ana');
    const stored = await services.db.sessions.get(session.id);
    expect(stored!.participants.map((p) => [p.name, p.function])).toEqual([
      ['Ana', 'Product'],
      ['Dee', 'Product'],
    ]);
    expect(stored!.participants[1]!.id).toBe(dee);
    expect(viewsOf('d1').at(-1)).toMatchObject({ status: 'admitted', name: 'Dee', block: { title: 'What could go wrong' } });
    expect(state.people.map((p) => [p.name, p.status])).toEqual([
      ['ANA', 'admitted'],
      ['Dee', 'admitted'],
    ]);
  });

  it('records an intention once and acknowledges it; a resent id is acknowledged again with nothing recorded twice', async () => {
    const state = await started();
    const dee = await admitted(state, 'd1', 'Dee');
    intention('d1', dee, submit('client-0001'));
    await until(() => link.of('ack').length === 1);
    expect(link.of('ack')[0]).toEqual({ type: 'ack', deviceId: 'd1', id: 'client-0001', status: 'recorded' });
    // Its device sees it at once among its own items.
    await until(() => viewsOf('d1').at(-1)?.mine.length === 1);
    intention('d1', dee, submit('client-0001'));
    await until(() => link.of('ack').length === 2);
    expect(link.of('ack')[1]).toEqual(link.of('ack')[0]);
    expect(await services.db.submissions.count()).toBe(1);
    await until(() => state.submissions.length === 1 && state.people.find((p) => p.id === 'd1')?.submitted === 1);
  });

  it('refuses an intention with the reason, in the ack', async () => {
    const state = await started();
    const dee = await admitted(state, 'd1', 'Dee');
    intention('d1', dee, { ...submit('client-0002'), blockId: 'an-old-block' });
    await until(() => link.of('ack').length === 1);
    expect(link.of('ack')[0]).toMatchObject({ status: 'refused', message: 'That block is over: the session has moved on to "What could go wrong".' });
  });

  it('records a secret ballot without a name, and no view ever holds a ballot or who voted; totals only after the reveal', async () => {
    const state = await started();
    const dee = await admitted(state, 'd1', 'Dee');
    await admitted(state, 'd2', 'Ana');
    const votes = new VotesRepository(services.editor);
    const round = await votes.addRound(session.id, session.currentBlockId, {
      title: 'What first?',
      target: 'uncertainty',
      matrixId: '',
      candidates: [
        { id: 'c1', label: 'Latency' },
        { id: 'c2', label: 'Refunds' },
      ],
      mode: 'ballots',
      dotsPerVoter: 3,
      maxPerCandidate: 3,
      secret: true,
      reveal: 'facilitator',
      voterIds: ['ana', dee],
    });
    intention('d1', dee, { type: 'ballot', id: 'ballot-0001', roundId: round.id, dots: [{ candidateId: 'c2', dots: 3 }] });
    await until(() => link.of('ack').length === 1);
    expect(link.of('ack')[0]).toMatchObject({ status: 'recorded' });
    const stored = await services.db.votes.get(round.id);
    expect(stored!.ballots).toEqual([{ voterId: '', dots: [{ candidateId: 'c2', dots: 3 }] }]);
    // A resend of the same ballot is the same answer, and counts once.
    intention('d1', dee, { type: 'ballot', id: 'ballot-0001', roundId: round.id, dots: [{ candidateId: 'c2', dots: 3 }] });
    await until(() => link.of('ack').length === 2);
    expect(link.of('ack')[1]).toMatchObject({ status: 'recorded' });
    expect((await services.db.votes.get(round.id))!.voted).toEqual([dee]);

    await until(() => viewsOf('d2').at(-1)?.round?.votedCount === 1);
    expect(viewsOf('d2').at(-1)!.round).toMatchObject({ canVote: true, voted: false, voterCount: 2 });
    expect(viewsOf('d1').at(-1)!.round).toMatchObject({ voted: true });
    const before = JSON.stringify(link.of('publish'));
    for (const leak of ['ballots', 'voterId', 'results', `"${dee}"`]) expect(before).not.toContain(leak);

    await votes.reveal(round.id);
    await until(() => viewsOf('d2').at(-1)?.round?.results !== undefined);
    expect(viewsOf('d2').at(-1)!.round!.results).toEqual([
      { candidateId: 'c2', label: 'Refunds', dots: 3 },
      { candidateId: 'c1', label: 'Latency', dots: 0 },
    ]);
    const after = JSON.stringify(link.of('publish'));
    for (const leak of ['ballots', 'voterId', `"${dee}"`]) expect(after).not.toContain(leak);
  });

  it('after a reload, a resent ballot is still answered as recorded and a second one refused', async () => {
    const first = await started();
    const dee = await admitted(first, 'd1', 'Dee');
    const round = await new VotesRepository(services.editor).addRound(session.id, session.currentBlockId, { title: 'What first?', target: 'uncertainty', matrixId: '', candidates: [{ id: 'c1', label: 'A' }, { id: 'c2', label: 'B' }], mode: 'ballots', dotsPerVoter: 1, maxPerCandidate: 1, secret: true, reveal: 'facilitator', voterIds: [dee] });
    const ballot: BallotMessage = { type: 'ballot', id: 'ballot-0007', roundId: round.id, dots: [{ candidateId: 'c1', dots: 1 }] };
    intention('d1', dee, ballot);
    await until(() => link.of('ack').length === 1);
    first.dispose();
    const reloaded = host();
    await until(() => reloaded.phase === 'on');
    intention('d1', dee, ballot);
    intention('d1', dee, { ...ballot, id: 'ballot-0008' });
    await until(() => link.of('ack').length === 3);
    expect(link.of('ack').map((a) => a.status)).toEqual(['recorded', 'recorded', 'refused']);
    expect((await services.db.votes.get(round.id))!.ballots).toHaveLength(1);
  });

  it('a device’s ballot is not on the facilitator’s undo list', async () => {
    const state = await started();
    const dee = await admitted(state, 'd1', 'Dee');
    const votes = new VotesRepository(services.editor);
    const round = await votes.addRound(session.id, session.currentBlockId, { title: 'What first?', target: 'uncertainty', matrixId: '', candidates: [{ id: 'c1', label: 'A' }, { id: 'c2', label: 'B' }], mode: 'ballots', dotsPerVoter: 1, maxPerCandidate: 1, secret: false, reveal: 'facilitator', voterIds: [dee] });
    const last = services.editor.history.nextUndo;
    intention('d1', dee, { type: 'ballot', id: 'ballot-0009', roundId: round.id, dots: [{ candidateId: 'c1', dots: 1 }] });
    await until(() => link.of('ack').length === 1);
    expect(services.editor.history.nextUndo).toBe(last);
  });

  it('accepts submitted items into the program with undo', async () => {
    const state = await started();
    const dee = await admitted(state, 'd1', 'Dee');
    intention('d1', dee, submit('client-0003'));
    await until(() => state.submissions.length === 1);
    await state.accept([state.submissions[0]!.id], 'each');
    await until(() => state.submissions[0]?.status === 'accepted');
    expect((await services.db.captures.toArray()).map((c) => c.text)).toEqual(['Refunds differ by country']);
    await until(() => viewsOf('d1').at(-1)?.mine[0]?.status === 'accepted');
    runToastAction('Undo');
    await until(() => state.submissions[0]?.status === 'pending');
    expect(await services.db.captures.count()).toBe(0);
  });

  it('removes a device after a confirmation naming the person', async () => {
    const state = await started();
    await admitted(state, 'd1', 'Dee');
    const removing = state.remove('d1');
    expect(await answer(true)).toBe('Remove Dee?');
    await removing;
    expect(link.of('remove')).toEqual([{ type: 'remove', deviceId: 'd1' }]);
    expect(state.people).toEqual([]);
  });

  it('turns off after a confirmation; a stopped server turns it off with the reason', async () => {
    const state = await started();
    const stopping = state.stop();
    expect(await answer(false)).toBe('Turn room mode off?');
    expect(await stopping).toBe(false);
    expect(state.phase).toBe('on');
    link.emit({ type: 'stopped', reason: 'The network went away.' });
    await until(() => state.phase === 'off');
    expect(state).toMatchObject({ problem: 'The network went away.', sessionId: '', info: null });
  });

  it('ends by itself when the session ends', async () => {
    const state = await started();
    await new SessionRunRepository(services.editor).end(session.id);
    await until(() => state.phase === 'off');
    expect(state.problem).toBe('The session ended, so room mode ended with it.');
    expect(link.stops).toBe(1);
  });

  it('ends by itself when the session is deleted, or its program goes to the trash', async () => {
    const state = await started();
    await new SessionsRepository(services.editor).deleteSession(session.id);
    await until(() => state.phase === 'off');
    expect(state.problem).toBe('The session is no longer there, so room mode ended.');
    await services.editor.undo();
    expect(await state.start(program.id, session.id, '192.168.1.20')).toBe(true);
    await new ProgramRepository(services.editor).trash(program.id);
    await until(() => state.phase === 'off');
    expect(state.problem).toBe('The program was deleted, so room mode ended.');
    expect(link.stops).toBe(2);
  });

  it('a room left running without its session is closed rather than served blind', async () => {
    link.running = { info: { address: '192.168.1.20', port: 1, url: 'http://192.168.1.20:1/', joinUrl: 'http://192.168.1.20:1/#j', code: 'ABC234', joiningOpen: true }, devices: [] };
    const state = host();
    await until(() => link.stops === 1);
    expect(state.phase).toBe('off');
  });

  it('a reloaded window picks up the room that is running, with its devices', async () => {
    const first = await started();
    await admitted(first, 'd1', 'Dee');
    link.running!.devices = [device('d1', 'Dee', { status: 'admitted', participantId: link.of('admit')[0]!.participantId })];
    first.dispose();
    const reloaded = host();
    await until(() => reloaded.phase === 'on');
    expect(reloaded.sessionId).toBe(session.id);
    expect(reloaded.people.map((p) => p.name)).toEqual(['Dee']);
    link.emit({ type: 'view-wanted', deviceId: 'd1' });
    const published = link.of('publish').length;
    await until(() => link.of('publish').length > published);
    expect(viewsOf('d1').at(-1)).toMatchObject({ status: 'admitted', name: 'Dee' });
  });
});
