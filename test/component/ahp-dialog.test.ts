import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Judgements } from '../../renderer/src/domain/tradeoffs/model';
import AhpDialog from '../../renderer/src/views/tradeoffs/AhpDialog.svelte';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

const three = [
  { id: 'l', name: 'Latency' },
  { id: 'c', name: 'Cost' },
  { id: 'a', name: 'Accuracy' },
];

function open(props: { criteria?: { id: string; name: string }[]; judgements?: Judgements | null } = {}) {
  const onapply = vi.fn();
  const onclose = vi.fn();
  render(AhpDialog, {
    open: true,
    whose: 'Engineering',
    criteria: props.criteria ?? three,
    judgements: props.judgements ?? null,
    onapply,
    onclose,
  });
  return { onapply, onclose };
}

const pair = (name: string) => screen.getByRole('group', { name: new RegExp(`^${name}`) });
const weights = () =>
  within(screen.getByRole('list', { name: 'Derived weights' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent?.replace(/\s+/g, ' ').trim());

describe('AhpDialog', () => {
  it('prefills from stored judgements in either key orientation, missing pairs at Equal', () => {
    // Stored as Cost over Latency = 1/5, i.e. Latency strongly more important.
    open({ judgements: { 'c|l': 1 / 5, 'c|a': 3 } });
    expect(within(pair('Latency vs Cost')).getByRole('radio', { name: 'Latency strongly more important (5)' })).toBeChecked();
    expect(within(pair('Latency vs Accuracy')).getByRole('radio', { name: 'Equal (1)' })).toBeChecked();
    expect(within(pair('Cost vs Accuracy')).getByRole('radio', { name: 'Cost moderately more important (3)' })).toBeChecked();
    expect(within(pair('Latency vs Cost')).getAllByRole('radio')).toHaveLength(17);
  });

  it('updates the weights live when a judgement is changed from the keyboard', async () => {
    open();
    expect(weights()).toEqual(['Latency 34%', 'Cost 33%', 'Accuracy 33%']);
    expect(screen.getByText('CR 0.00 — consistent enough (below 0.10).')).toBeInTheDocument();

    const equal = within(pair('Latency vs Cost')).getByRole('radio', { name: 'Equal (1)' });
    equal.focus();
    await fireEvent.keyDown(equal, { key: 'ArrowLeft' });
    const two = within(pair('Latency vs Cost')).getByRole('radio', { name: 'Latency equally to moderately more important (2)' });
    expect(two).toBeChecked();
    expect(two).toHaveFocus();
    const [latency, cost] = weights().map((w) => Number(/(\d+)%/.exec(w ?? '')![1]));
    expect(latency).toBeGreaterThan(cost!);

    await fireEvent.keyDown(two, { key: 'End' });
    expect(within(pair('Latency vs Cost')).getByRole('radio', { name: 'Cost extremely more important (9)' })).toBeChecked();
    expect(weights()[1]).toBe('Cost 58%');
  });

  it('on an inconsistent set, says what the other answers imply, reports ties, and offers a change that works', async () => {
    // The workshop's set: A over B 5, B over C 5, C over A 3.
    const abc = [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
      { id: 'c', name: 'C' },
    ];
    const { onapply } = open({ criteria: abc, judgements: { 'a|b': 5, 'b|c': 5, 'c|a': 3 } });
    expect(screen.getByText(/CR 2\.12 — inconsistent \(above 0\.10\)/)).toBeInTheDocument();
    expect(screen.getByText('Equally inconsistent: A vs B, A vs C and B vs C.')).toBeInTheDocument();
    const said = screen.getByText(/^A vs B: you said/);
    expect(said).toHaveTextContent('A vs B: you said “A strongly more important (5)”; your other answers imply B about 15 times as important as A.');
    for (const name of ['A vs B', 'A vs C', 'B vs C']) expect(pair(name)).toHaveAccessibleName(`${name} (most inconsistent)`);
    expect(screen.getByText(/^Changing A vs B/)).toHaveTextContent(
      'Changing A vs B to “B strongly to very strongly more important (6)” brings CR to 0.08.',
    );

    await fireEvent.click(screen.getByRole('button', { name: 'Make this change' }));
    expect(within(pair('A vs B')).getByRole('radio', { name: 'B strongly to very strongly more important (6)' })).toBeChecked();
    expect(within(pair('A vs B')).getByRole('radio', { name: 'B strongly to very strongly more important (6)' })).toHaveFocus();
    expect(screen.getByText('CR 0.08 — consistent enough (below 0.10).')).toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: 'Apply weights' }));
    expect(onapply).toHaveBeenCalledOnce();
  });

  it('when no single change is enough, says which judgements to revisit', () => {
    // Four criteria in a strong cycle both ways round: no one judgement fixes it.
    const four = [...three, { id: 'd', name: 'Delight' }];
    open({ criteria: four, judgements: { 'l|c': 9, 'c|a': 9, 'a|d': 9, 'd|l': 9, 'l|a': 1 / 9, 'c|d': 1 / 9 } });
    expect(screen.getByText(/No single change brings CR under 0\.10: revisit .+ together\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Make this change' })).toBeNull();
  });

  it('applies weights summing to 1 with every pair’s judgement, in criteria order', async () => {
    // The textbook example, partly stored the other way round.
    const { onapply, onclose } = open({ judgements: { 'l|c': 3, 'a|l': 1 / 5, 'c|a': 3 } });
    expect(screen.getByText('CR 0.03 — consistent enough (below 0.10).')).toBeInTheDocument();
    expect(weights()).toEqual(['Latency 64%', 'Cost 26%', 'Accuracy 10%']);

    await fireEvent.click(screen.getByRole('button', { name: 'Apply weights' }));
    expect(onapply).toHaveBeenCalledOnce();
    const [applied, judgements] = onapply.mock.calls[0]!;
    expect(applied.l).toBeCloseTo(0.637, 3);
    expect(applied.c).toBeCloseTo(0.258, 3);
    expect(applied.a).toBeCloseTo(0.105, 3);
    expect(applied.l + applied.c + applied.a).toBeCloseTo(1, 12);
    expect(judgements).toEqual({ 'l|c': 3, 'l|a': 5, 'c|a': 3 });
    expect(onclose).toHaveBeenCalled();
  });

  it('closes on Cancel without applying', async () => {
    const { onapply, onclose } = open();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onclose).toHaveBeenCalled();
    expect(onapply).not.toHaveBeenCalled();
  });

  it('needs two criteria; with two, CR is 0 by definition', () => {
    open({ criteria: [three[0]!] });
    expect(screen.getByText(/needs at least two criteria/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply weights' })).toBeDisabled();
  });

  it('is always consistent with two criteria', () => {
    open({ criteria: three.slice(0, 2), judgements: { 'l|c': 7 } });
    expect(screen.getByText('CR 0 — two criteria are always consistent.')).toBeInTheDocument();
    expect(weights()).toEqual(['Latency 88%', 'Cost 12%']);
  });

  it('still derives weights beyond 10 criteria, saying the consistency ratio is not available', async () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ id: `k${i}`, name: `Criterion ${i + 1}` }));
    const { onapply } = open({ criteria: many, judgements: { 'k0|k1': 9 } });
    expect(screen.getByText(/consistency ratio is not available beyond 10 criteria/)).toBeInTheDocument();
    expect(screen.getAllByRole('group')).toHaveLength(55);
    await fireEvent.click(screen.getByRole('button', { name: 'Apply weights' }));
    const [applied, judgements] = onapply.mock.calls[0]!;
    expect(Object.values(applied as Record<string, number>).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(Object.keys(judgements)).toHaveLength(55);
  });
});
