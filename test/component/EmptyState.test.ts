import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import EmptyState from '../../renderer/src/ui/EmptyState.svelte';

describe('EmptyState', () => {
  it('is a labelled region with a heading, text and optional actions', () => {
    const children = createRawSnippet(() => ({ render: () => '<span>Create one to start.</span>' }));
    const footer = createRawSnippet(() => ({ render: () => '<button>New program</button>' }));
    render(EmptyState, { title: 'No programs yet', children, footer });
    const region = screen.getByRole('region', { name: 'No programs yet' });
    expect(region).toHaveTextContent('Create one to start.');
    expect(screen.getByRole('heading', { name: 'No programs yet' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New program' })).toBeInTheDocument();
  });
});
