import { checkActionTitle, newAction } from '../actions/edits';
import type { Action } from '../actions/model';
import { checkOneLine, failed, passed, type Check } from '../check';
import { isoDay } from '../dates';
import { checkDecisionTitle, newDecision, nextDecisionNumber } from '../decisions/edits';
import type { DecisionRecord } from '../decisions/model';
import { checkScopeTitle, newScopeChange } from '../scope/edits';
import type { ScopeChange } from '../scope/model';
import { checkItemTitle, newItem } from '../uncertainty/edits';
import type { Layer, UncertaintyItem } from '../uncertainty/model';
import { SESSION_TEXT_MAX, type Capture, type CaptureKind } from './model';

// What the capture bar makes of a line typed in the room. Kinds that belong to an area make the
// area's own record, with that area's rule for a title and its usual defaults; notes and
// parking-lot topics live with the session only. The repository writes the record and the
// capture row in one edit, so one undo takes back both.

/** The record a capture makes in its area, by table. */
export type CapturedRecord =
  | { table: 'uncertaintyItems'; row: UncertaintyItem }
  | { table: 'decisions'; row: DecisionRecord }
  | { table: 'scopeChanges'; row: ScopeChange }
  | { table: 'actions'; row: Action };

/** What the program holds that a new record depends on, read in the capture's edit. */
export interface CaptureContext {
  programId: string;
  sessionId: string;
  /** The block running, '' between blocks. */
  blockId: string;
  /** The map's layers: a captured uncertainty goes on the first. */
  layers: readonly Pick<Layer, 'id' | 'order'>[];
  /** The decision log's numbers: a captured decision takes the next. */
  decisions: readonly Pick<DecisionRecord, 'number'>[];
  at: number;
  makeId: () => string;
}

/** The kinds that make a record in an area (the rest stay with the session). */
export function makesRecord(kind: CaptureKind): kind is 'uncertainty' | 'decision' | 'scope' | 'action' {
  return kind !== 'note' && kind !== 'parking';
}

/** The text's rule: the area's own title rule for a record, one line of session text otherwise. */
export function checkCaptureText(kind: CaptureKind, raw: string): Check<string> {
  switch (kind) {
    case 'uncertainty':
      return checkItemTitle(raw);
    case 'decision':
      return checkDecisionTitle(raw);
    case 'scope':
      return checkScopeTitle(raw);
    case 'action':
      return checkActionTitle(raw);
    case 'note':
      return checkOneLine(raw, SESSION_TEXT_MAX, 'note', 'Type the note.');
    case 'parking':
      return checkOneLine(raw, SESSION_TEXT_MAX, 'topic', 'Type the topic to park.');
  }
}

/** The area's record for a capture (none for a note or a topic), with its defaults. */
export function capturedRecord(kind: CaptureKind, title: string, context: CaptureContext): Check<CapturedRecord | null> {
  const { programId, at, makeId } = context;
  switch (kind) {
    case 'uncertainty': {
      const layer = [...context.layers].sort((a, b) => a.order - b.order)[0];
      if (!layer) return failed('The uncertainty map has no layer to put it on: add a layer first.');
      // An open unknown in the middle of the map: the room places it properly when it reviews it.
      const item = newItem(programId, { title, layerId: layer.id, kind: 'unknown' }, makeId(), at);
      return item.ok ? passed({ table: 'uncertaintyItems', row: item.value }) : item;
    }
    case 'decision':
      return passed({ table: 'decisions', row: newDecision({ id: makeId(), programId, number: nextDecisionNumber(context.decisions), title, date: isoDay(at), now: at }) });
    case 'scope':
      return passed({ table: 'scopeChanges', row: newScopeChange(programId, title, isoDay(at), makeId(), at) });
    case 'action':
      return passed({ table: 'actions', row: newAction(programId, { title, notes: '', owner: '', due: '', source: null }, makeId(), at) });
    case 'note':
    case 'parking':
      return passed(null);
  }
}

/** A capture: its record (if its kind makes one) and its row in the session, or why it cannot be made. */
export function capture(kind: CaptureKind, raw: string, context: CaptureContext): Check<{ record: CapturedRecord | null; capture: Capture }> {
  const text = checkCaptureText(kind, raw);
  if (!text.ok) return text;
  const record = capturedRecord(kind, text.value, context);
  if (!record.ok) return record;
  return passed({
    record: record.value,
    capture: {
      id: context.makeId(),
      programId: context.programId,
      sessionId: context.sessionId,
      blockId: context.blockId,
      kind,
      recordId: record.value?.row.id ?? '',
      text: text.value,
      done: false,
      at: context.at,
    },
  });
}
