import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ProgramList from '../../renderer/src/views/programs/ProgramList.svelte';
import type { Program } from '../../renderer/src/domain/program';

const now = Date.UTC(2026, 10, 24, 12);
const program = (name: string, extra: Partial<Program> = {}): Program => ({
  id: name.toLowerCase().replace(/\s/g, '-'),
  name,
  description: `${name} description`,
  createdAt: now - 86_400_000,
  updatedAt: now - 5 * 60_000,
  archivedAt: null,
  deletedAt: null,
  staleAfterDays: 30,
  ...extra,
});

function actions() {
  return {
    rename: vi.fn(),
    duplicate: vi.fn(),
    export: vi.fn(),
    archive: vi.fn(),
    unarchive: vi.fn(),
    trash: vi.fn(),
    restore: vi.fn(),
    deleteForever: vi.fn(),
  };
}

describe('ProgramList', () => {
  it('shows each program as a link with its description and when it changed', () => {
    render(ProgramList, { programs: [program('Support bot'), program('Pricing agent')], view: 'active', now, actions: actions() });
    const list = screen.getByRole('list', { name: 'Programs' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole('link', { name: 'Support bot' })).toHaveAttribute('href', '#/programs/support-bot');
    expect(items[0]).toHaveTextContent('Support bot description');
    expect(items[0]).toHaveTextContent('Updated 5 minutes ago');
  });

  it('calls the row action for the right program', async () => {
    const spy = actions();
    const pricing = program('Pricing agent');
    render(ProgramList, { programs: [program('Support bot'), pricing], view: 'active', now, actions: spy });
    const group = screen.getByRole('group', { name: 'Actions for Pricing agent' });
    await fireEvent.click(within(group).getByRole('button', { name: 'Archive' }));
    await fireEvent.click(within(group).getByRole('button', { name: 'Delete' }));
    expect(spy.archive).toHaveBeenCalledWith(pricing);
    expect(spy.trash).toHaveBeenCalledWith(pricing);
    expect(spy.rename).not.toHaveBeenCalled();
  });

  it('offers unarchive in the archived list and restore in the trash, with no links into trashed programs', () => {
    const { unmount } = render(ProgramList, { programs: [program('Old', { archivedAt: now })], view: 'archived', now, actions: actions() });
    expect(screen.getByRole('button', { name: 'Unarchive' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archive' })).toBeNull();
    unmount();
    render(ProgramList, { programs: [program('Gone', { deletedAt: now - 60_000 })], view: 'trash', now, actions: actions() });
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByRole('list', { name: 'Programs in the trash' })).toHaveTextContent('Deleted 1 minute ago');
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Restore', 'Delete forever']);
  });
});
