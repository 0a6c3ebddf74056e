// The network's health as the pages show it (the core's `HealthView`), loaded
// for «Главная», the partners list and the map's card; reloaded after
// partners, agreements or events changed (their revisions). The flags come a
// page at a time and a partner's explanations when they are shown.
import { backend } from "../backend";
import type { ApiError, HealthFlag, HealthView } from "../bindings";
import { DIGEST_FIRST } from "../home/digest";

class NetworkState {
  /** Replaced whole at each load (raw: 10 000 marks are not made reactive one by one). */
  health = $state.raw<HealthView | null>(null);
  error = $state<string>("");
  /** How many flags «Главная» shows. */
  flagsWanted = $state(DIGEST_FIRST);
  /** Each partner's flags with their explanations, once asked for. */
  flagsOf = $state<Record<number, HealthFlag[]>>({});
  private seq = 0;

  /** Loads the current school year's health; a newer call wins. */
  async load(): Promise<void> {
    const mine = ++this.seq;
    try {
      const h = await backend.networkHealth(null, this.flagsWanted);
      if (mine !== this.seq) return;
      this.health = h;
      this.flagsOf = {};
      this.error = "";
    } catch (e) {
      if (mine !== this.seq) return;
      this.error = (e as ApiError).message;
    }
  }

  /** «Показать ещё»: `n` more flags. */
  async more(n: number): Promise<void> {
    this.flagsWanted += n;
    await this.load();
  }

  /** The explanations of a partner's flags, asked for once per load. */
  async partnerFlags(id: number): Promise<HealthFlag[]> {
    const known = this.flagsOf[id];
    if (known) return known;
    const flags = await backend.networkPartnerFlags(id);
    this.flagsOf[id] = flags;
    return flags;
  }
}

export const network = new NetworkState();
