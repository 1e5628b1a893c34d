// Running state classes outside a component: their live queries need an effect root, their
// writes a database. Each test gets its own (fake-indexeddb) database.
import { flushSync } from 'svelte';
import { vi } from 'vitest';
import type { Program } from '../../../renderer/src/domain/program';
import { ProgramRepository } from '../../../renderer/src/storage/programs-repo';
import { ProgramsState } from '../../../renderer/src/state/programs.svelte';
import { Router } from '../../../renderer/src/state/router.svelte';
import { confirmations } from '../../../renderer/src/state/confirm.svelte';
import { createServices, type Services } from '../../../renderer/src/state/services';
import { toasts } from '../../../renderer/src/state/toasts.svelte';

export async function freshServices(): Promise<Services> {
  const services = createServices(`keel-state-${crypto.randomUUID()}`);
  await services.db.open();
  return services;
}

/** Creates state inside an effect root, as a component would; `destroy` ends its queries. */
export function mounted<T>(make: () => T): { value: T; destroy: () => void } {
  let value: T | undefined;
  const destroy = $effect.root(() => {
    value = make();
  });
  flushSync();
  return { value: value as T, destroy };
}

/** Waits until the check passes (live queries answer asynchronously). */
export async function until(check: () => unknown): Promise<void> {
  await vi.waitFor(() => {
    flushSync();
    if (!check()) throw new Error('not yet');
  });
}

export function toastTexts(): string[] {
  return toasts.items.map((t) => `${t.tone}: ${t.message}`);
}

export function clearToasts(): void {
  for (const t of [...toasts.items]) toasts.dismiss(t.id);
}

/** Answers the confirmation being asked (waits for it to be asked); gives its title. */
export async function answer(ok: boolean): Promise<string> {
  return (await answerWith(ok)).title;
}

/** Answers the confirmation being asked; gives its title and message. */
export async function answerWith(ok: boolean): Promise<{ title: string; message: string }> {
  await until(() => confirmations.current);
  const { title, message } = confirmations.current!;
  confirmations.answer(ok);
  return { title, message };
}

/** Runs the action of the newest toast that has one (Undo, Open). */
export function runToastAction(label: string): void {
  const toast = [...toasts.items].reverse().find((t) => t.action?.label === label);
  if (!toast?.action) throw new Error(`No toast offers "${label}": ${toastTexts().join(' | ')}`);
  toast.action.run();
}

/** A clean slate for one test: no toasts, no preferences, a fresh database with one program. */
export async function withProgram(name = 'Support assistant'): Promise<{ services: Services; program: Program }> {
  clearToasts();
  localStorage.clear();
  const services = await freshServices();
  const program = await new ProgramRepository(services.editor).create({ name });
  return { services, program };
}

/**
 * A clean slate with the programs' state running on a fresh database, loaded; `close` ends its
 * queries and the database.
 */
export async function loadedPrograms(): Promise<{ services: Services; state: ProgramsState; router: Router; close: () => void }> {
  clearToasts();
  localStorage.clear();
  location.hash = '#/';
  const services = await freshServices();
  const { value, destroy } = mounted(() => {
    const router = new Router();
    return { router, state: new ProgramsState(router, services) };
  });
  await until(() => value.state.loaded);
  return {
    services,
    ...value,
    close: () => {
      destroy();
      services.db.close();
    },
  };
}
