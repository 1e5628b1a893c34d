import { describe, expect, it } from 'vitest';
import { DeviceRegistry } from '../../../../electron/room/devices.js';
import { MESSAGE_REFUSALS, parseHello, parseJoinRequest, readDeviceMessage } from '../../../../electron/room/messages.js';
import { ROOM_RATE_BURST, ROOM_TEXT_MAX } from '../../../../electron/room/protocol.js';

function device(admitted = true) {
  const room = new DeviceRegistry('ABC234', 'x'.repeat(43));
  const joined = room.join({ name: 'Ada', function: 'Product', code: 'ABC234' }, 0);
  if (!joined.ok) throw new Error('join failed');
  if (admitted) room.admit(joined.device.id, 'p1');
  return joined.device;
}
const submit = { type: 'submit', id: 'abcdefgh', blockId: 'b1', kind: 'idea', text: 'Try retrieval first' };
const ballot = { type: 'ballot', id: 'ballot01', roundId: 'r1', dots: [{ candidateId: 'c1', dots: 2 }] };

describe('readDeviceMessage', () => {
  it('passes a submission and a ballot from an admitted device on as intentions', () => {
    const d = device();
    expect(readDeviceMessage(d, JSON.stringify(submit), 0)).toEqual({ kind: 'intention', intention: submit });
    expect(readDeviceMessage(d, JSON.stringify(ballot), 0)).toEqual({ kind: 'intention', intention: ballot });
  });

  it('trims submitted text as the schema says', () => {
    expect(readDeviceMessage(device(), JSON.stringify({ ...submit, text: '  spaced  ' }), 0)).toMatchObject({ intention: { text: 'spaced' } });
  });

  it('tells a waiting device to wait, but answers its ping', () => {
    const d = device(false);
    expect(readDeviceMessage(d, JSON.stringify(submit), 0)).toEqual({ kind: 'refused', status: 403, message: MESSAGE_REFUSALS.waiting });
    expect(readDeviceMessage(d, '{"type":"ping"}', 0)).toEqual({ kind: 'ping' });
  });

  it.each([
    ['not JSON', '{type:'],
    ['an unknown type', '{"type":"admin"}'],
    ['an extra field', JSON.stringify({ ...submit, participantId: 'someone-else' })],
    ['a bad client id', JSON.stringify({ ...submit, id: 'short' })],
    ['a kind not offered', JSON.stringify({ ...submit, kind: 'decision' })],
    ['empty text', JSON.stringify({ ...submit, text: '   ' })],
    ['text too long', JSON.stringify({ ...submit, text: 'x'.repeat(ROOM_TEXT_MAX + 1) })],
    ['a control character', JSON.stringify({ ...submit, text: 'a\u0007b' })],
    ['negative dots', JSON.stringify({ ...ballot, dots: [{ candidateId: 'c1', dots: -1 }] })],
    ['fractional dots', JSON.stringify({ ...ballot, dots: [{ candidateId: 'c1', dots: 1.5 }] })],
    ['a hello after the hello', JSON.stringify({ type: 'hello', token: 'y'.repeat(43) })],
  ])('refuses %s with 400 and a sentence, not a stack', (_what, text) => {
    const outcome = readDeviceMessage(device(), text, 0);
    expect(outcome).toMatchObject({ kind: 'refused', status: 400 });
    if (outcome.kind !== 'refused') return;
    expect(outcome.message).toMatch(/^The message (could not be read|was not understood)/);
    expect(outcome.message).not.toMatch(/\bat \w+ \(|Error:/);
  });

  it('refuses messages over the rate, unreadable ones counted too', () => {
    const d = device();
    for (let i = 0; i < ROOM_RATE_BURST; i++) readDeviceMessage(d, i % 2 ? 'junk' : '{"type":"ping"}', 0);
    expect(readDeviceMessage(d, JSON.stringify(submit), 0)).toEqual({ kind: 'refused', status: 429, message: MESSAGE_REFUSALS.tooMany });
    expect(readDeviceMessage(d, JSON.stringify(submit), 1000).kind).toBe('intention');
  });
});

describe('parseJoinRequest and parseHello', () => {
  it('reads a join by code or by join token, and refuses one with neither', () => {
    expect(parseJoinRequest('{"code":"abc234","name":" Ada ","function":"Eng"}')).toEqual({
      ok: true,
      value: { code: 'abc234', name: 'Ada', function: 'Eng' },
    });
    expect(parseJoinRequest(JSON.stringify({ joinToken: 'j'.repeat(43), name: 'Ada', function: 'Eng' })).ok).toBe(true);
    expect(parseJoinRequest('{"name":"Ada","function":"Eng"}')).toMatchObject({ ok: false });
    expect(parseJoinRequest('{"code":"A","name":"","function":"Eng"}')).toMatchObject({ ok: false, message: expect.stringContaining('name') });
  });

  it('reads a hello with a well-formed token only', () => {
    expect(parseHello(JSON.stringify({ type: 'hello', token: 't'.repeat(43) })).ok).toBe(true);
    expect(parseHello(JSON.stringify({ type: 'hello', token: 'short' })).ok).toBe(false);
    expect(parseHello('{"type":"ping"}').ok).toBe(false);
  });
});
