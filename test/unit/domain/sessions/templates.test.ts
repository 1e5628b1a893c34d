import { describe, expect, it } from 'vitest';
import { agendaMinutes, checkBlockPatch } from '../../../../renderer/src/domain/sessions/edits';
import { BLOCK_METHODS } from '../../../../renderer/src/domain/sessions/model';
import { UNSTARTED } from '../../../../renderer/src/domain/sessions/timer';
import { isTemplate, SESSION_TEMPLATES, templateBlocks, TEMPLATES } from '../../../../renderer/src/domain/sessions/templates';

describe('session templates', () => {
  it.each(SESSION_TEMPLATES)('%s builds blocks the rules accept, that fit its planned length, each saying what it should produce', (id) => {
    const blocks = templateBlocks(id);
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const block of blocks) {
      const checked = checkBlockPatch(block);
      expect(checked.ok, block.title).toBe(true);
      if (checked.ok) expect(checked.value.title).toBe(block.title);
      expect(BLOCK_METHODS).toContain(block.method);
      expect(block.outputs.length).toBeGreaterThan(10);
      expect(block).toMatchObject({ ...UNSTARTED, carriedFrom: null });
    }
    expect(new Set(blocks.map((b) => b.id)).size).toBe(blocks.length);
    const total = agendaMinutes(blocks);
    expect(total).toBeLessThanOrEqual(TEMPLATES[id].plannedMinutes);
    // A little room, not a half-empty session.
    expect(total).toBeGreaterThanOrEqual(TEMPLATES[id].plannedMinutes * 0.8);
  });

  it('makes fresh ids each time, so two sessions from one template share no block', () => {
    const ids = new Set(templateBlocks('kickoff').map((b) => b.id));
    expect(templateBlocks('kickoff').some((b) => ids.has(b.id))).toBe(false);
  });

  it('a re-planning review starts with "since last session"', () => {
    expect(templateBlocks('replanning')[0]).toMatchObject({ method: 'since-last', title: 'Since last session' });
  });

  it('a trade-off decision asks for a matrix and its trade-off blocks (only those) decide on the one chosen', () => {
    expect(TEMPLATES.tradeoff.needsMatrix).toBe(true);
    expect(SESSION_TEMPLATES.filter((t) => TEMPLATES[t].needsMatrix)).toEqual(['tradeoff']);
    const blocks = templateBlocks('tradeoff', 'm1');
    expect(blocks.filter((b) => b.method === 'tradeoff').map((b) => b.matrixId)).toEqual(['m1', 'm1', 'm1']);
    expect(blocks.filter((b) => b.method !== 'tradeoff').every((b) => b.matrixId === '')).toBe(true);
    expect(templateBlocks('tradeoff').every((b) => b.matrixId === '')).toBe(true);
  });

  it('a kick-off maps uncertainty, and a pre-mortem keeps Parabol’s short phases (reflect 5, group 5, vote 2, discuss 20)', () => {
    expect(templateBlocks('kickoff').filter((b) => b.method === 'uncertainty').length).toBeGreaterThanOrEqual(2);
    expect(templateBlocks('premortem').map((b) => b.plannedMinutes)).toEqual([5, 5, 5, 2, 20, 15]);
  });

  it('knows its own names and nothing else', () => {
    expect(SESSION_TEMPLATES.every(isTemplate)).toBe(true);
    expect(isTemplate('')).toBe(false);
    expect(isTemplate('toString')).toBe(false);
  });
});
