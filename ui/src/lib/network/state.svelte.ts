// The network's health, loaded for «Главная» and the partners list; reloaded
// after partners, agreements or events changed (their revisions).
import { backend } from "../backend";
import type { ApiError, NetworkHealth } from "../bindings";

class NetworkState {
  health = $state<NetworkHealth | null>(null);
  error = $state<string>("");
  private seq = 0;

  /** Loads the current school year's health; a newer call wins. */
  async load(): Promise<void> {
    const mine = ++this.seq;
    try {
      const h = await backend.networkHealth(null);
      if (mine !== this.seq) return;
      this.health = h;
      this.error = "";
    } catch (e) {
      if (mine !== this.seq) return;
      this.error = (e as ApiError).message;
    }
  }
}

export const network = new NetworkState();
