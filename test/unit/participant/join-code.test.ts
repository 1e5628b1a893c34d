import { describe, expect, it } from 'vitest';
import { joinRefusalText, joinTokenOf, roomUrl, socketUrl } from '../../../renderer/src/participant/api';
import { codeProblem, normaliseCode } from '../../../renderer/src/participant/join-code';

describe('the room code as typed', () => {
  it('is read in any case, without spaces and dashes', () => {
    expect(normaliseCode(' abc-234 ')).toBe('ABC234');
    expect(normaliseCode('Ab c2 - 34')).toBe('ABC234');
    expect(normaliseCode('')).toBe('');
  });

  it('says what is wrong with a code that cannot be one', () => {
    expect(codeProblem('abc-234')).toBe('');
    expect(codeProblem('  ')).toMatch(/^Type the room code/);
    expect(codeProblem('ABC23')).toBe('The room code has 6 characters; this has 5.');
    expect(codeProblem('ABC2340')).toBe('The room code has 6 characters; this has 7.');
    // 0, O, 1, I and L are left out of codes because they look alike.
    expect(codeProblem('ABC230')).toBe('Room codes have no “0”: check the code on the screen.');
    expect(codeProblem('ABC23!')).toBe('Room codes have no “!”.');
  });
});

describe('the room’s addresses', () => {
  it('are in the page’s own folder, at the room’s root or under /participant/', () => {
    expect(roomUrl('/api/join', 'http://192.168.1.20:51234/').href).toBe('http://192.168.1.20:51234/api/join');
    expect(roomUrl('/api/join', 'http://192.168.1.20:51234/?j=abc').href).toBe('http://192.168.1.20:51234/api/join');
    expect(roomUrl('/api/poll', 'http://127.0.0.1:5178/participant/index.html').href).toBe('http://127.0.0.1:5178/participant/api/poll');
  });

  it('opens the socket on the page’s host', () => {
    expect(socketUrl('http://192.168.1.20:51234/')).toBe('ws://192.168.1.20:51234/api/socket');
    expect(socketUrl('https://room.example/participant/')).toBe('wss://room.example/participant/api/socket');
  });

  it('reads the join token of a QR code’s link', () => {
    expect(joinTokenOf('http://192.168.1.20:51234/?j=tok_en-123')).toBe('tok_en-123');
    expect(joinTokenOf('http://192.168.1.20:51234/')).toBe('');
  });
});

describe('a refused join', () => {
  it('is a sentence with what to do next', () => {
    expect(joinRefusalText('wrong-code')).toMatch(/does not match this room/);
    expect(joinRefusalText('joining-closed')).toMatch(/closed joining/);
    expect(joinRefusalText('room-full')).toMatch(/full/);
    expect(joinRefusalText('too-many-requests')).toBe('Too many tries. Wait a minute, then try again.');
    expect(joinRefusalText('bad-request', 'The name is too long.')).toBe('The name is too long.');
    expect(joinRefusalText('network')).toMatch(/same network/);
  });
});
