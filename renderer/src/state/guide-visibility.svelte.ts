import { oneOf, preference } from './preferences.svelte';

// Whether the first-workshop guide shows, kept apart from the guide itself (state/guide.svelte.ts,
// loaded with its panel) so start-up loads only this.

/**
 * Whether the first-workshop guide is shown, remembered on this computer and followed by every
 * window: 'new' until it first shows (by itself, on a first run with no programs), then 'open'
 * or 'closed' as the user leaves it, so a reload keeps it as it was.
 */
export const guideVisibility = preference('keel.guide', oneOf(['new', 'open', 'closed'] as const), 'new');

/** The sample programs made on this computer (their ids): the guide follows the user's own work, not them. */
export const samplePrograms = preference(
  'keel.sample-programs',
  (stored) => (Array.isArray(stored) && stored.every((id) => typeof id === 'string') ? (stored as string[]).slice(-50) : undefined),
  [] as string[],
);

export function rememberSample(programId: string): void {
  samplePrograms.set([...samplePrograms.value, programId].slice(-50));
}

/** How many times the user opened the guide in this window: the panel takes the focus each time, never when it shows by itself. */
export const guideFocus = $state({ requests: 0 });

/** Opens the guide; `focus` when the user asked for it here (a button, the Help menu, the palette). */
export function openGuide(focus = false): void {
  guideVisibility.set('open');
  if (focus) guideFocus.requests += 1;
}

export function closeGuide(): void {
  guideVisibility.set('closed');
}

/** A first run: no programs yet, and the guide never shown. It opens by itself, once. */
export function showGuideOnFirstRun(programCount: number): void {
  if (guideVisibility.value === 'new' && programCount === 0) openGuide();
}

