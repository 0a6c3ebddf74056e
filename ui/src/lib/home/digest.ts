// Главная's lists of events: shown a page at a time, with the true totals
// from the core (a busy year has thousands of events waiting for results).

/** How many more a click on «Показать ещё» brings. */
export const DIGEST_PAGE = 20;
/** How many each list shows at first (the core's default). */
export const DIGEST_FIRST = 10;

/**
 * «20 067»: thousands apart from five digits on, a four-digit count whole
 * («6298»), as Russian typography and the core's `grammar::number` set them.
 */
export function bigNumber(n: number): string {
  if (Math.abs(n) < 10_000) return String(n).replace("-", "−");
  return n.toLocaleString("ru-RU").replace(/\s/g, "\u00a0").replace("-", "−");
}

/** The button under a cut list: «Показать ещё 20 (всего 6 298)», or null when all are shown. */
export function moreLabel(shown: number, total: number, page = DIGEST_PAGE): string | null {
  const left = total - shown;
  if (left <= 0) return null;
  return `Показать ещё ${Math.min(page, left)} (всего ${bigNumber(total)})`;
}

/** The limit to ask the core for so both lists have what they show. */
export function digestLimit(week: number, awaiting: number): number {
  return Math.max(DIGEST_FIRST, week, awaiting);
}

/**
 * What an event waiting for results lacks, said as what to do: a past event
 * still planned is first marked held; one marked held only lacks its results.
 */
export function awaitingHint(status: string): string {
  return status === "held" ? "Проведено — впишите итоги" : "Отметьте проведённым и впишите итоги";
}
