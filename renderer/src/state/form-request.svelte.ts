// A form asked for from elsewhere (the first-workshop guide's "Add uncertainties", "New metric",
// "Plan a session"): the area opens it when it shows, or at once when it is showing already.

export type RequestedForm = 'uncertainty' | 'metrics' | 'sessions';

class FormRequest {
  private pending = $state<RequestedForm | undefined>(undefined);

  ask(form: RequestedForm): void {
    this.pending = form;
  }

  /** Whether `form` was asked for; the request is used up. Read in an $effect, so a later request reaches an area already on screen. */
  take(form: RequestedForm): boolean {
    if (this.pending !== form) return false;
    this.pending = undefined;
    return true;
  }
}

export const formRequest = new FormRequest();
