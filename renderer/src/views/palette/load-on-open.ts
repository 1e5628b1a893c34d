import { PART_NOT_LOADED } from '../../state/result';
import { toasts } from '../../state/toasts.svelte';

/**
 * Loads an overlay's code the first time it is opened (the start-up bundle holds only its shell).
 * When it cannot load, a toast says so and the overlay counts as closed.
 */
export function loadOnOpen<T>(open: boolean, loaded: T | undefined, load: () => Promise<{ default: T }>, onload: (component: T) => void, onclose: () => void): void {
  if (!open || loaded) return;
  load().then(
    (module) => onload(module.default),
    () => {
      toasts.show(PART_NOT_LOADED, 'error');
      onclose();
    },
  );
}
