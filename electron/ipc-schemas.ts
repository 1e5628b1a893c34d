// Schemas for every IPC argument, checked in main before anything runs. The renderer is
// treated as untrusted input: an XSS there must not turn into arbitrary file writes.
import { z } from 'zod';
import { FILE_KINDS, FILE_KIND_NAMES } from './file-names.js';
import { RoomCommandSchema, RoomStartRequestSchema } from './room/host-schemas.js';
import { THEME_CHOICES, type FileKind, type MenuState, type OpenFileRequest, type ReportPdfRequest, type SaveFileRequest } from './ipc-contract.js';

/** Largest file the renderer may save (a big PDF export fits many times over). */
export const MAX_SAVE_BYTES = 100 * 1024 * 1024;
export const MAX_SUGGESTED_NAME_LENGTH = 200;
export const MAX_EXTERNAL_URL_LENGTH = 2048;

export const FileKindSchema = z.enum(FILE_KIND_NAMES);

// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

// A name only: the dialog decides the folder, so anything path-like is a bug or an attack.
export const SuggestedNameSchema = z
  .string()
  .min(1, 'suggestedName is empty')
  .max(MAX_SUGGESTED_NAME_LENGTH, `suggestedName is longer than ${MAX_SUGGESTED_NAME_LENGTH} characters`)
  .refine((name) => !/[/\\]/.test(name), 'suggestedName contains a path separator')
  .refine((name) => !name.includes('..'), 'suggestedName contains ".."')
  .refine((name) => !CONTROL_CHARACTERS.test(name), 'suggestedName contains control characters');

function textExceedsSaveLimit(text: string): boolean {
  if (text.length > MAX_SAVE_BYTES) return true; // every UTF-16 code unit is at least one byte
  if (text.length * 3 <= MAX_SAVE_BYTES) return false; // and at most three
  return Buffer.byteLength(text, 'utf8') > MAX_SAVE_BYTES;
}

export const SaveFileRequestSchema = z
  .strictObject({
    kind: FileKindSchema,
    suggestedName: SuggestedNameSchema,
    data: z.union([z.string(), z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'data must be text or bytes')]),
  })
  .superRefine((request, ctx) => {
    const isBinary = FILE_KINDS[request.kind].isBinary;
    if (isBinary && typeof request.data === 'string') {
      ctx.addIssue({ code: 'custom', path: ['data'], message: `${request.kind} data must be bytes` });
      return;
    }
    if (!isBinary && typeof request.data !== 'string') {
      ctx.addIssue({ code: 'custom', path: ['data'], message: `${request.kind} data must be text` });
      return;
    }
    const tooLarge =
      typeof request.data === 'string' ? textExceedsSaveLimit(request.data) : request.data.byteLength > MAX_SAVE_BYTES;
    if (tooLarge) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: `data is larger than ${MAX_SAVE_BYTES} bytes` });
    }
  });

export const OpenFileRequestSchema = z.strictObject({ kind: z.literal('keel-json') });

// Only the shape is checked here; whether the URL is allowlisted is a normal "false" answer.
export const ExternalUrlSchema = z.string().min(1).max(MAX_EXTERNAL_URL_LENGTH);

// ipcRenderer.invoke passes a list of arguments: exactly one is expected per capability.
export const SaveFileArgsSchema = z.tuple([SaveFileRequestSchema]);
export const OpenFileArgsSchema = z.tuple([OpenFileRequestSchema]);
export const OpenExternalArgsSchema = z.tuple([ExternalUrlSchema]);

// The presenter's session: ids only, never a URL (main builds the app:// URL itself).
export const RecordIdSchema = z
  .string()
  .min(1, 'id is empty')
  .max(100, 'id is longer than 100 characters')
  .refine((id) => !CONTROL_CHARACTERS.test(id), 'id contains control characters');
export const OpenPresenterArgsSchema = z.tuple([RecordIdSchema, RecordIdSchema]);
export const ClosePresenterArgsSchema = z.tuple([]);
export const KeepDisplayAwakeArgsSchema = z.tuple([z.boolean()]);

// A report is named by its hash route only; main builds the app:// URL and refuses anything else.
export const ReportPdfRequestSchema = z.strictObject({
  route: z
    .string()
    .max(2000, 'route is longer than 2000 characters')
    .regex(/^#\/report\/[^#\s]+$/, 'route is not a report route')
    .refine((route) => !CONTROL_CHARACTERS.test(route), 'route contains control characters'),
  suggestedName: SuggestedNameSchema,
});
export const ReportPdfArgsSchema = z.tuple([ReportPdfRequestSchema]);

// Backups live in one folder main owns; the renderer names a file in it, never a path.
export const BackupNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/, 'backup name must be letters, digits, ".", "_" or "-"')
  .refine((name) => !name.includes('..'), 'backup name contains ".."');
export const BackupListArgsSchema = z.tuple([]);
export const BackupWriteArgsSchema = z.tuple([
  BackupNameSchema,
  z.string().refine((text) => !textExceedsSaveLimit(text), `backup is larger than ${MAX_SAVE_BYTES} bytes`),
]);
export const BackupNameArgsSchema = z.tuple([BackupNameSchema]);

export const FileOpenReadyArgsSchema = z.tuple([]);
export const ThemeChoiceSchema = z.enum(THEME_CHOICES);
export const SetThemeArgsSchema = z.tuple([ThemeChoiceSchema]);
/** Labels are shown in the menu: short, one line. */
const MenuLabelSchema = z.string().max(120).regex(/^[^\n\r]*$/, 'label must be one line');
export const MenuStateSchema = z.strictObject({
  programOpen: z.boolean(),
  undoLabel: MenuLabelSchema.optional(),
  redoLabel: MenuLabelSchema.optional(),
});
export const SetMenuStateArgsSchema = z.tuple([MenuStateSchema]);

// Room mode: the start request and the host's commands, checked by the same schemas as the
// browser fallback's HTTP bodies (room/host-schemas.ts).
export const RoomNoArgsSchema = z.tuple([]);
export const RoomStartArgsSchema = z.tuple([RoomStartRequestSchema]);
export const RoomCommandArgsSchema = z.tuple([RoomCommandSchema]);
export const RoomListenArgsSchema = z.tuple([z.boolean()]);

export type SaveFileRequestType = z.infer<typeof SaveFileRequestSchema>;
export type OpenFileRequestType = z.infer<typeof OpenFileRequestSchema>;

// Compile-time guarantee that the schemas and the contract describe the same data.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchContract: [
  Equal<SaveFileRequestType, SaveFileRequest>,
  Equal<OpenFileRequestType, OpenFileRequest>,
  Equal<z.infer<typeof FileKindSchema>, FileKind>,
  Equal<z.infer<typeof ReportPdfRequestSchema>, ReportPdfRequest>,
  Equal<z.infer<typeof MenuStateSchema>, MenuState>,
] = [true, true, true, true, true];
void schemasMatchContract;

/** Parses IPC arguments or throws a plain Error naming the capability and the first problem. */
export function parseIpcArgs<T>(schema: z.ZodType<T>, args: unknown, capability: string): T {
  const result = schema.safeParse(args);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.slice(1).join('.') || 'argument'}: ` : '';
  throw new Error(`Refused ${capability}: invalid arguments (${where}${issue?.message ?? 'unknown problem'}).`);
}
