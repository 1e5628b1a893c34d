import { getContext, setContext } from 'svelte';

// What a form tells its fields: once it has been submitted, every field says what is wrong with it.

export interface FormStatus {
  readonly submitted: boolean;
}

const KEY = Symbol('keel-form');

export function provideFormStatus(status: FormStatus): void {
  setContext(KEY, status);
}

/** The status of the enclosing FormDialog, if any. */
export function formStatus(): FormStatus | undefined {
  return getContext<FormStatus | undefined>(KEY);
}
