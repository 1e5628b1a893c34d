import { afterEach, describe, expect, it } from 'vitest';
import { focusWhenShown } from '../../../renderer/src/ui/focus';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await frame();
};

function field(id: string): HTMLInputElement {
  const input = document.createElement('input');
  input.id = id;
  document.body.append(input);
  return input;
}

afterEach(() => document.body.replaceChildren());

describe('focusWhenShown', () => {
  it('waits for an element the next page has not drawn yet, then focuses it', async () => {
    focusWhenShown(() => document.getElementById('title'));
    await frames(3);
    const title = field('title');
    await frames(2);
    expect(document.activeElement).toBe(title);
  });

  it('leaves alone a field the user focused meanwhile, and does not take it later', async () => {
    const title = field('title');
    const other = field('other');
    other.focus();
    focusWhenShown(() => document.getElementById('title'));
    await frames(8);
    other.value = 'typed';
    expect(document.activeElement).toBe(other);
    expect(document.activeElement).not.toBe(title);
  });

  it('waits while a dialog still holds the focus, and takes it once that is given up', async () => {
    const button = field('in-dialog');
    button.focus();
    const title = field('title');
    focusWhenShown(() => document.getElementById('title'));
    await frames(2);
    expect(document.activeElement).toBe(button);
    button.remove();
    await frames(2);
    expect(document.activeElement).toBe(title);
  });

  it('is not satisfied by the page before: its heading holding the focus is replaced, and the new one takes it', async () => {
    const old = field('heading');
    old.focus();
    focusWhenShown(() => document.getElementById('heading'));
    await frames(3);
    old.remove();
    const next = field('heading');
    await frames(2);
    expect(document.activeElement).toBe(next);
  });
});
