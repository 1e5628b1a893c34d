import { describe, expect, it } from 'vitest';
import { checkEffects, checkScopePatch } from '../../../../renderer/src/domain/scope/edits';

describe('scope change rules', () => {
  it('cleans a title and people, and refuses an empty title or an unknown kind', () => {
    expect(checkScopePatch({ title: '  Drop  the\nSMS channel ', requestedBy: ' Ana ' })).toEqual({ ok: true, value: { title: 'Drop the SMS channel', requestedBy: 'Ana' } });
    expect(checkScopePatch({ title: '  ' })).toEqual({ ok: false, message: 'Say what changed.' });
    expect(checkScopePatch({ kind: 'grow' as never }).ok).toBe(false);
    expect(checkScopePatch({ requestedOn: '2026-02-30' }).ok).toBe(false);
  });

  it('checks each effect and names the one that is wrong', () => {
    expect(checkEffects([{ kind: 'add', title: 'Voice', horizon: 'now', earliest: '2026-05-01', latest: '2026-04-01', confidence: 'low' }])).toEqual({
      ok: false,
      message: 'The earliest date must not be after the latest.',
    });
    expect(
      checkEffects([
        { kind: 'drop', roadmapItemId: 'a' },
        { kind: 'move', roadmapItemId: 'b', horizon: 'next', earliest: '2026-05-01', latest: '' },
      ]),
    ).toEqual({ ok: false, message: 'Effect 2: Give both the earliest and the latest date, or neither: a range, not a single date.' });
    expect(checkEffects([{ kind: 'add', title: ' Voice ', horizon: 'now', earliest: '', latest: '', confidence: 101 }]).ok).toBe(false);
    expect(checkEffects([{ kind: 'add', title: ' Voice ', horizon: 'now', earliest: '', latest: '', confidence: 70 }])).toEqual({
      ok: true,
      value: [{ kind: 'add', title: 'Voice', horizon: 'now', earliest: '', latest: '', confidence: 70 }],
    });
  });
});

describe('describeEffect', () => {
  it('says each effect in words, and when its item is gone', async () => {
    const { describeEffect } = await import('../../../../renderer/src/domain/scope/describe');
    const titles = new Map([['a', 'Voice']]);
    const titleOf = (id: string) => titles.get(id);
    expect(describeEffect({ kind: 'drop', roadmapItemId: 'a' }, titleOf)).toBe('Drop "Voice"');
    expect(describeEffect({ kind: 'move', roadmapItemId: 'gone', horizon: 'later', earliest: '', latest: '' }, titleOf)).toBe(
      'Move a roadmap item that is no longer on the roadmap to Later, no dates yet',
    );
    expect(describeEffect({ kind: 'add', title: 'SMS', horizon: 'now', earliest: '2026-04-01', latest: '2026-05-15', confidence: 60 }, titleOf)).toMatch(
      /^Add "SMS" to Now, .*2026 – .*2026, 60% confidence$/,
    );
  });
});
