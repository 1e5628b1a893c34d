import { describe, expect, it } from 'vitest';
import { movedTo } from '../../../../renderer/src/domain/order';
import { DEFAULT_STACK, defaultLayers, nextLayerColor } from '../../../../renderer/src/domain/uncertainty/stack';

describe('the stack', () => {
  let n = 0;
  const layers = defaultLayers('p1', () => `l${++n}`);

  it('starts a program with the seven AI layers in order, each described', () => {
    expect(layers.map((l) => l.name)).toEqual([
      'Scope and requirements',
      'Data',
      'Model behaviour',
      'Users and adoption',
      'Cost and infrastructure',
      'Security and compliance',
      'Organisation and delivery',
    ]);
    expect(layers.every((l, i) => l.order === i && l.programId === 'p1' && l.description.length > 20)).toBe(true);
    expect(new Set(DEFAULT_STACK.map((l) => l.color)).size).toBe(DEFAULT_STACK.length);
  });

  it('reorders and renumbers', () => {
    const moved = movedTo(layers, layers[4]!.id, 0)!;
    expect(moved.map((l) => l.name).slice(0, 2)).toEqual(['Cost and infrastructure', 'Scope and requirements']);
    expect(moved.map((l) => l.order)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(movedTo(layers, layers[0]!.id, 99)!.at(-1)!.name).toBe('Scope and requirements');
  });

  it('offers an unused colour for a new layer', () => {
    expect(layers.map((l) => l.color)).not.toContain(nextLayerColor(layers));
  });
});
