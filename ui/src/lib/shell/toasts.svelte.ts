// Short notices at the bottom of the window, optionally with an action.
import type { ApiError } from "../bindings";

export type Toast = {
  id: number;
  kind: "info" | "success" | "error";
  text: string;
  action?: { label: string; run: () => void | Promise<void> };
  /** Toasts about the same thing replace each other. */
  key?: string;
};

class Toasts {
  items = $state<Toast[]>([]);
  private next = 1;
  private timers = new Map<number, ReturnType<typeof setTimeout>>();

  show(text: string, kind: Toast["kind"] = "info", action?: Toast["action"], ms?: number, key?: string) {
    const id = this.next++;
    if (key) this.dismissKey(key);
    const kept = this.items.slice(-2);
    for (const t of this.items) if (!kept.includes(t)) this.dismiss(t.id);
    this.items = [...kept, { id, kind, text, action, key }];
    const timeout = ms ?? (action ? 8000 : kind === "error" ? 9000 : 4000);
    this.timers.set(
      id,
      setTimeout(() => this.dismiss(id), timeout),
    );
    return id;
  }

  error(err: ApiError | string) {
    return this.show(typeof err === "string" ? err : err.message, "error");
  }

  dismissKey(key: string) {
    for (const t of this.items) if (t.key === key) this.dismiss(t.id);
  }

  dismiss(id: number) {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
