import { describe, expect, it } from 'vitest';
import { GUIDE_MIN_UNCERTAINTIES, guideProgram, guideProgress, type GuideRecords } from '../../../renderer/src/domain/guide';
import type { ProgramFunction, Signoff } from '../../../renderer/src/domain/metrics/model';

const fn = (id: string, required = true): ProgramFunction => ({ id, programId: 'p', name: id, required, order: 0 });
const sign = (functionId: string, state: Signoff['state'] = 'agree'): Signoff => ({ functionId, functionName: functionId, state, reason: state === 'object' ? 'why' : '', by: '', at: 1 });
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `i${i}` }));
const empty: GuideRecords = { program: { id: 'p' }, uncertaintyItems: [], metrics: [], functions: [fn('eng'), fn('product')], sessions: [] };

describe('guideProgress', () => {
  it('has nothing done and the program next when there is no program', () => {
    const progress = guideProgress({ ...empty, program: undefined, uncertaintyItems: items(5), sessions: [{ id: 's' }] });
    expect(progress.done).toEqual({ program: false, uncertainties: false, metric: false, session: false });
    expect(progress).toMatchObject({ count: 0, next: 'program' });
  });

  it('ticks the program off as soon as there is one', () => {
    expect(guideProgress(empty)).toMatchObject({ count: 1, next: 'uncertainties', done: { program: true } });
  });

  it(`needs ${GUIDE_MIN_UNCERTAINTIES} uncertainties, not fewer`, () => {
    expect(guideProgress({ ...empty, uncertaintyItems: items(GUIDE_MIN_UNCERTAINTIES - 1) }).done.uncertainties).toBe(false);
    expect(guideProgress({ ...empty, uncertaintyItems: items(GUIDE_MIN_UNCERTAINTIES) }).done.uncertainties).toBe(true);
  });

  it('counts a metric as agreed only when every required function agrees', () => {
    const withMetric = (signoffs: Signoff[]) => guideProgress({ ...empty, metrics: [{ id: 'm', signoffs }] }).done.metric;
    expect(withMetric([])).toBe(false);
    expect(withMetric([sign('eng')])).toBe(false);
    expect(withMetric([sign('eng'), sign('product', 'object')])).toBe(false);
    expect(withMetric([sign('eng'), sign('product')])).toBe(true);
    // A function that is not required does not hold agreement back.
    expect(guideProgress({ ...empty, functions: [...empty.functions, fn('support', false)], metrics: [{ id: 'm', signoffs: [sign('eng'), sign('product')] }] }).done.metric).toBe(true);
  });

  it('counts what is mapped and names a metric still to agree', () => {
    const progress = guideProgress({ ...empty, uncertaintyItems: items(2), metrics: [{ id: 'agreed', signoffs: [sign('eng'), sign('product')] }, { id: 'pending', signoffs: [sign('eng')] }] });
    expect(progress).toMatchObject({ mapped: 2, metricToAgree: 'pending', done: { metric: true } });
    expect(guideProgress({ ...empty, program: undefined, uncertaintyItems: items(2) })).toMatchObject({ mapped: 0, metricToAgree: undefined });
  });

  it('ticks the session off with any session, and says what is next out of order', () => {
    const progress = guideProgress({ ...empty, sessions: [{ id: 's' }] });
    expect(progress).toMatchObject({ count: 2, next: 'uncertainties', done: { session: true } });
  });

  it('has no next step when all four are done', () => {
    const all = guideProgress({ ...empty, uncertaintyItems: items(3), metrics: [{ id: 'm', signoffs: [sign('eng'), sign('product')] }], sessions: [{ id: 's' }] });
    expect(all).toMatchObject({ count: 4, next: undefined });
  });
});

describe('guideProgram', () => {
  const p = (id: string, updatedAt: number, extra: { archivedAt?: number; deletedAt?: number } = {}) => ({ id, updatedAt, archivedAt: extra.archivedAt ?? null, deletedAt: extra.deletedAt ?? null });
  const programs = [p('old', 1), p('new', 5), p('archived', 9, { archivedAt: 9 }), p('trashed', 10, { deletedAt: 10 })];

  it('follows the program open now', () => {
    expect(guideProgram(programs, 'old')?.id).toBe('old');
  });
  it('otherwise the active program worked on last', () => {
    expect(guideProgram(programs, undefined)?.id).toBe('new');
    expect(guideProgram(programs, 'trashed')?.id).toBe('new');
  });
  it('never a sample program, even open or worked on last: the steps are the user\'s own', () => {
    const samples = new Set(['new']);
    expect(guideProgram(programs, 'new', samples)?.id).toBe('old');
    expect(guideProgram(programs, undefined, samples)?.id).toBe('old');
    expect(guideProgram([p('new', 5)], undefined, samples)).toBeUndefined();
  });
  it('none when there is no active program', () => {
    expect(guideProgram([p('archived', 9, { archivedAt: 9 })], undefined)).toBeUndefined();
  });
});
