// A promise-based confirmation dialog: `if (await confirm({...})) ...`.

export type ConfirmRequest = {
  title: string;
  message: string;
  okLabel?: string;
  cancelLabel?: string;
  danger?: boolean;
};

type Pending = ConfirmRequest & { resolve: (ok: boolean) => void };

class ConfirmState {
  current = $state<Pending | null>(null);

  ask(req: ConfirmRequest): Promise<boolean> {
    this.current?.resolve(false);
    return new Promise((resolve) => {
      this.current = { ...req, resolve };
    });
  }

  answer(ok: boolean) {
    const c = this.current;
    this.current = null;
    c?.resolve(ok);
  }
}

export const confirmState = new ConfirmState();
export const confirm = (req: ConfirmRequest) => confirmState.ask(req);
