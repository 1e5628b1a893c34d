import type { Observable } from 'dexie';

/**
 * Reactive view of a Dexie liveQuery: `value` follows the database, in this window and in
 * every other window of the app. Create it during component initialisation.
 */
export class Live<T> {
  // Raw: every emission is a fresh snapshot, never mutated in place, so deep proxies would
  // only slow down reading thousands of rows.
  value = $state.raw<T | undefined>(undefined);
  loaded = $state(false);
  error = $state<unknown>(undefined);

  constructor(source: () => Observable<T>) {
    $effect(() => {
      // Read reactive inputs synchronously here, before the query runs.
      const observable = source();
      const subscription = observable.subscribe({
        next: (value) => {
          this.value = value;
          this.loaded = true;
          this.error = undefined;
        },
        error: (error: unknown) => {
          // The sentence shown is readProblem's; the error itself goes to the developer console, once.
          console.error(error);
          this.error = error;
          this.loaded = true;
        },
      });
      return () => subscription.unsubscribe();
    });
  }
}
