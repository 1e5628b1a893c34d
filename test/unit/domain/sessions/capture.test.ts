import { describe, expect, it } from 'vitest';
import { capture, checkCaptureText, makesRecord, type CaptureContext } from '../../../../renderer/src/domain/sessions/capture';
import { CAPTURE_KINDS } from '../../../../renderer/src/domain/sessions/model';

const AT = new Date(2026, 2, 14, 10, 30).getTime();

function context(overrides: Partial<CaptureContext> = {}): CaptureContext {
  let n = 0;
  return {
    programId: 'p1',
    sessionId: 's1',
    blockId: 'b1',
    layers: [
      { id: 'ux', order: 2 },
      { id: 'data', order: 0 },
    ],
    decisions: [{ number: 3 }, { number: 7 }],
    at: AT,
    makeId: () => `id-${++n}`,
    ...overrides,
  };
}

function made(kind: Parameters<typeof capture>[0], text: string, overrides: Partial<CaptureContext> = {}) {
  const result = capture(kind, text, context(overrides));
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('what the capture bar makes', () => {
  it('an uncertainty: an open unknown mid-map on the first layer, linked from the capture', () => {
    const { record, capture: row } = made('uncertainty', '  Users may not trust answers ');
    expect(record?.table).toBe('uncertaintyItems');
    expect(record?.row).toMatchObject({ programId: 'p1', layerId: 'data', title: 'Users may not trust answers', kind: 'unknown', status: 'open', impact: 3, uncertainty: 3 });
    expect(row).toEqual({ id: 'id-2', programId: 'p1', sessionId: 's1', blockId: 'b1', kind: 'uncertainty', recordId: 'id-1', text: 'Users may not trust answers', done: false, at: AT });
  });

  it('a decision: a draft with the next number, dated today', () => {
    const { record } = made('decision', 'Pilot in one region');
    expect(record).toMatchObject({ table: 'decisions', row: { number: 8, status: 'draft', date: '2026-03-14', title: 'Pilot in one region' } });
  });

  it('a scope change: pending, asked today', () => {
    const { record } = made('scope', 'Drop SMS');
    expect(record).toMatchObject({ table: 'scopeChanges', row: { decision: 'pending', requestedOn: '2026-03-14', appliedAt: null, effects: [] } });
  });

  it('an action: open, with no owner or due date yet', () => {
    const { record } = made('action', 'Ask legal about retention');
    expect(record).toMatchObject({ table: 'actions', row: { status: 'open', owner: '', due: '', source: null, title: 'Ask legal about retention' } });
  });

  it('a note and a parking-lot topic stay with the session', () => {
    for (const kind of ['note', 'parking'] as const) {
      const { record, capture: row } = made(kind, 'Pricing');
      expect(record).toBeNull();
      expect(row).toMatchObject({ kind, recordId: '', text: 'Pricing' });
      expect(makesRecord(kind)).toBe(false);
    }
    expect(CAPTURE_KINDS.filter(makesRecord)).toEqual(['uncertainty', 'decision', 'scope', 'action']);
  });

  it('refuses empty text with the area’s own sentence, and an uncertainty with no layer', () => {
    expect(checkCaptureText('action', ' ')).toEqual({ ok: false, message: 'Say what is to be done.' });
    expect(checkCaptureText('scope', '')).toEqual({ ok: false, message: 'Say what changed.' });
    expect(checkCaptureText('parking', '')).toEqual({ ok: false, message: 'Type the topic to park.' });
    const noLayer = capture('uncertainty', 'Latency', context({ layers: [] }));
    expect(noLayer.ok).toBe(false);
  });

  it('records between blocks with no block', () => {
    expect(made('note', 'Coffee', { blockId: '' }).capture.blockId).toBe('');
  });
});
