import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from './room-constants';

// The room code as people type it: any case, with spaces or dashes ("abc-234", "ABC 234").

/** The code as the room server compares it: upper case, without spaces and dashes. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toUpperCase();
}

/** Why a typed code cannot be a room code, in a sentence, or '' when it can be. */
export function codeProblem(typed: string): string {
  const code = normaliseCode(typed);
  if (code.length === 0) return 'Type the room code shown on the facilitator’s screen.';
  if (code.length !== ROOM_CODE_LENGTH) return `The room code has ${ROOM_CODE_LENGTH} characters; this has ${code.length}.`;
  const stray = [...code].find((c) => !ROOM_CODE_ALPHABET.includes(c));
  if (stray === undefined) return '';
  // The alphabet leaves out characters that look alike; say which one was meant.
  const lookalike: Record<string, string> = { '0': 'O', O: '0', '1': 'I', I: '1', L: '1' };
  return lookalike[stray] ? `Room codes have no “${stray}”: check the code on the screen.` : `Room codes have no “${stray}”.`;
}
