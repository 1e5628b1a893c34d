import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { checkLayerName } from '../../renderer/src/domain/uncertainty/edits';
import InlineAdd from '../../renderer/src/ui/InlineAdd.svelte';

function setUp(onadd: (text: string) => Promise<boolean>) {
  render(InlineAdd, { id: 'new-layer', label: 'New layer', buttonLabel: 'Add layer', rule: checkLayerName, onadd });
  const field = screen.getByRole('textbox', { name: 'New layer' }) as HTMLInputElement;
  const add = async (text: string) => {
    await fireEvent.input(field, { target: { value: text } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add layer' }));
  };
  return { field, add };
}

describe('InlineAdd', () => {
  it("says the rule's sentence only once the user tries, and adds nothing it refuses", async () => {
    const onadd = vi.fn(async () => true);
    const { field, add } = setUp(onadd);
    expect(screen.queryByRole('alert')).toBeNull();
    await add('   ');
    expect(screen.getByRole('alert')).toHaveTextContent('Give the layer a name.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await add('x'.repeat(81));
    expect(screen.getByRole('alert')).toHaveTextContent('Keep the layer name under 80 characters (it has 81).');
    expect(onadd).not.toHaveBeenCalled();
  });

  it('empties at once so the next can be typed while one saves; a failed add gives its text back', async () => {
    const saves: ((ok: boolean) => void)[] = [];
    const onadd = vi.fn((_text: string) => new Promise<boolean>((resolve) => saves.push(resolve)));
    const { field, add } = setUp(onadd);
    await add('Vendors');
    expect(field.value).toBe('');
    await add('Regulators');
    expect(onadd.mock.calls.map(([text]) => text)).toEqual(['Vendors', 'Regulators']);
    saves[0]!(true);
    saves[1]!(false);
    await vi.waitFor(() => expect(field.value).toBe('Regulators'));
  });
});
