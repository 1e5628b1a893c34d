import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import NumberField from '../../renderer/src/ui/NumberField.svelte';

beforeEach(() => localStorage.clear());

function field(onsave: (value: number | null) => Promise<boolean>, value: number | null = 40) {
  const view = render(NumberField, { id: 'metric-target', value, onsave, keep: 'metric-target:m1' });
  return { view, input: screen.getByRole('textbox') as HTMLInputElement };
}

describe('NumberField', () => {
  it("says what its own rule refuses (a percentage over 100) instead of only keeping the typing", async () => {
    const onsave = vi.fn(async () => true);
    render(NumberField, { id: 'percent', value: null, onsave, check: (v: number | null) => (v !== null && v > 100 ? 'Give a percentage from 0 to 100.' : undefined) });
    const input = screen.getByRole('textbox') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '150' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('alert')).toHaveTextContent('Give a percentage from 0 to 100.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(onsave).not.toHaveBeenCalled();
    await fireEvent.input(input, { target: { value: '35' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(onsave).toHaveBeenCalledWith(35);
  });

  it('gives back a number typed but not saved after the field went away (a reload, another area), marked as not saved', async () => {
    const onsave = vi.fn(async () => true);
    const first = field(onsave);
    await fireEvent.input(first.input, { target: { value: '85' } });
    first.view.unmount();
    expect(onsave).not.toHaveBeenCalled();

    const again = field(onsave);
    expect(again.input.value).toBe('85');
    expect(screen.getByText(/Not saved yet: Enter saves it, Escape puts back 40/)).toBeInTheDocument();
    await fireEvent.keyDown(again.input, { key: 'Enter' });
    expect(onsave).toHaveBeenCalledWith(85);
    await vi.waitFor(() => expect(screen.queryByText(/Not saved yet/)).toBeNull());
    again.view.unmount();

    // Saved: nothing is given back any more.
    const third = field(onsave, 85);
    expect(third.input.value).toBe('85');
    expect(screen.queryByText(/Not saved yet/)).toBeNull();
  });

  it('Escape drops the kept typing and puts back the stored number', async () => {
    const first = field(async () => true);
    await fireEvent.input(first.input, { target: { value: '12' } });
    first.view.unmount();
    const again = field(async () => true);
    await fireEvent.keyDown(again.input, { key: 'Escape' });
    expect(again.input.value).toBe('40');
    again.view.unmount();
    expect(field(async () => true).input.value).toBe('40');
  });

  it('keeps what was typed when the save fails, to try again', async () => {
    const { input } = field(async () => false);
    await fireEvent.input(input, { target: { value: '70' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await vi.waitFor(() => expect(screen.getByText(/Not saved yet/)).toBeInTheDocument());
    expect(input.value).toBe('70');
  });
});
