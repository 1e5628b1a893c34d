import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toasts } from '../../renderer/src/state/toasts.svelte';
import Toasts from '../../renderer/src/ui/Toasts.svelte';

afterEach(() => {
  for (const t of toasts.items) toasts.dismiss(t.id);
  vi.useRealTimers();
});

describe('Toasts', () => {
  it('announces messages, runs an action once and dismisses', async () => {
    render(Toasts);
    const run = vi.fn();
    flushSync(() => toasts.show('Moved "A" to the trash.', 'success', { label: 'Undo', run }));
    expect(screen.getByRole('status')).toHaveTextContent('Moved "A" to the trash.');
    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(run).toHaveBeenCalledOnce();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('uses role=alert for errors and removes toasts after a while', () => {
    vi.useFakeTimers();
    render(Toasts);
    flushSync(() => toasts.show('Disk full.', 'error'));
    expect(screen.getByRole('alert')).toHaveTextContent('Disk full.');
    vi.advanceTimersByTime(12_001);
    flushSync();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the three latest at most, so a burst of them never stacks up the window', () => {
    render(Toasts);
    flushSync(() => ['One', 'Two', 'Three', 'Four', 'Five'].forEach((m) => toasts.show(m)));
    expect(screen.getAllByRole('status').map((t) => t.querySelector('p')?.textContent)).toEqual(['Three', 'Four', 'Five']);
  });
});
