import type { JoinRequest, JoinResponse } from '../../../electron/room/protocol';
import { ROOM_PATHS } from './room-constants';

// Where the room's API is, and joining it. The room server serves the page at its root; the app's
// preview server (tests) at /participant/: so every address is the page's own folder plus the
// path, never the origin's root.

/** The API address for a protocol path ("/api/join"), in the page's folder. */
export function roomUrl(path: string, page: string): URL {
  return new URL(path.replace(/^\//, ''), page);
}

/** The WebSocket address, on the page's own host. */
export function socketUrl(page: string): string {
  const url = roomUrl(ROOM_PATHS.socket, page);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export type JoinRefusal = Extract<JoinResponse, { ok: false }>['reason'] | 'network' | 'link-expired';

/** A refused join in words, with what to do next. */
export function joinRefusalText(reason: JoinRefusal, serverMessage = ''): string {
  switch (reason) {
    case 'wrong-code':
      return 'That code does not match this room. Check the code on the facilitator’s screen.';
    case 'link-expired':
      return 'This join link no longer works. Type the room code shown on the facilitator’s screen.';
    case 'joining-closed':
      return 'The facilitator has closed joining. Ask them to open it for you.';
    case 'room-full':
      return 'The room is full. Ask the facilitator to remove a device that left.';
    case 'too-many-requests':
      return 'Too many tries. Wait a minute, then try again.';
    case 'bad-request':
      return serverMessage || 'Check your name and function: each is one line of text.';
    case 'network':
      return 'Could not reach the room. Check that this device is on the same network as the facilitator’s.';
  }
}

export type JoinOutcome = Extract<JoinResponse, { ok: true }> | { ok: false; reason: JoinRefusal; message: string };

/** POSTs the join; every failure comes back as a refusal with its sentence. */
export async function postJoin(request: JoinRequest, page: string, fetchFn: typeof fetch = fetch): Promise<JoinOutcome> {
  let response: Response;
  try {
    response = await fetchFn(roomUrl(ROOM_PATHS.join, page), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch {
    return { ok: false, reason: 'network', message: joinRefusalText('network') };
  }
  const body = (await response.json().catch(() => null)) as JoinResponse | null;
  if (body?.ok === true) return body;
  let reason: JoinRefusal = body?.ok === false ? body.reason : response.status === 429 ? 'too-many-requests' : 'network';
  // A join link's token is refused as a wrong code: say the link, not the code, is the problem.
  if (reason === 'wrong-code' && request.joinToken !== undefined) reason = 'link-expired';
  return { ok: false, reason, message: joinRefusalText(reason, body?.ok === false ? body.message : '') };
}

/** The join token a QR code's link carries (`?j=`), or ''. */
export function joinTokenOf(page: string): string {
  return new URL(page).searchParams.get('j') ?? '';
}
