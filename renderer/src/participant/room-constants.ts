// The protocol's values the participant page uses: the protocol module holds constants and
// types only (its schemas are in electron/room/device-schemas.ts), so nothing else comes with them.
export { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, ROOM_NAME_MAX, ROOM_PATHS, ROOM_TEXT_MAX, ROOM_TOKEN_HEADER, SUBMISSION_KIND_LABELS } from '../../../electron/room/protocol';
