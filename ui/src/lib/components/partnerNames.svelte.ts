// The partners the pickers have shown or chosen, by id: a chosen partner's
// name (and type) is asked of the core by id once, never by loading the
// registry.
import { SvelteMap } from "svelte/reactivity";
import { backend } from "../backend";
import type { PartnerSummary } from "../bindings";

export const knownPartners = new SvelteMap<number, PartnerSummary>();

/** Keeps what a search returned, so picking it needs no further question. */
export function remember(list: readonly PartnerSummary[]) {
  for (const p of list) knownPartners.set(p.id, p);
}

const asked = new Set<number>();

/**
 * Makes sure the partners `ids` are known; `fresh` asks again for those
 * already known (a form opening shows today's names).
 */
export async function ensureKnown(ids: readonly number[], fresh = false, named = backend.partnersNamed): Promise<void> {
  const wanted = [...new Set(ids.filter((id) => id > 0 && !asked.has(id) && (fresh || !knownPartners.has(id))))];
  if (wanted.length === 0) return;
  for (const id of wanted) asked.add(id);
  try {
    remember(await named(wanted));
  } finally {
    for (const id of wanted) asked.delete(id);
  }
}
