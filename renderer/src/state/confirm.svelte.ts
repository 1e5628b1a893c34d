export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  /** Destructive actions get a red button and the focus starts on Cancel. */
  danger?: boolean;
}

/** The one pending confirmation of this window, answered by <ConfirmHost>. */
class Confirmations {
  current = $state<(ConfirmRequest & { resolve: (ok: boolean) => void }) | undefined>(undefined);

  ask(request: ConfirmRequest): Promise<boolean> {
    this.current?.resolve(false);
    return new Promise((resolve) => {
      this.current = { ...request, resolve };
    });
  }

  answer(ok: boolean): void {
    const pending = this.current;
    this.current = undefined;
    pending?.resolve(ok);
  }
}

export const confirmations = new Confirmations();

export function confirm(request: ConfirmRequest): Promise<boolean> {
  return confirmations.ask(request);
}
