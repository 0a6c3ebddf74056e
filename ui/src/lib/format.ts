// Russian office formatting: DD.MM.YYYY, initials, plurals.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** "2026-09-01" or "2026-09-01T10:20:30" → "01.09.2026"; empty for null. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** "2026-09-01T10:20:30" → "01.09.2026 10:20". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = formatDate(iso);
  const t = /T(\d{2}):(\d{2})/.exec(iso);
  return t ? `${date} ${t[1]}:${t[2]}` : date;
}

/**
 * Parses what a person types as a date: "1.9.2026", "01.09.2026",
 * "01/09/2026" or an ISO date. Returns "YYYY-MM-DD", null for empty input,
 * or undefined when the text is not a real date.
 */
export function parseRuDate(text: string): string | null | undefined {
  const s = text.trim();
  if (s === "") return null;
  let d: number, m: number, y: number;
  const ru = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (ru) {
    d = Number(ru[1]);
    m = Number(ru[2]);
    y = Number(ru[3]);
  } else if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else {
    return undefined;
  }
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** «Мишина В.И.» — the list form. */
export function surnameInitials(surname: string, name: string, patronymic: string): string {
  const initials = [name, patronymic]
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `${p[0].toUpperCase()}.`)
    .join("");
  return [surname.trim(), initials].filter(Boolean).join(" ");
}

export function fullName(surname: string, name: string, patronymic: string): string {
  return [surname, name, patronymic]
    .map((p) => p.trim())
    .filter(Boolean)
    .join(" ");
}

/** Russian plural: plural(5, ["партнёр", "партнёра", "партнёров"]) → "партнёров". */
export function plural(n: number, forms: [string, string, string]): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b > 1 && b < 5) return forms[1];
  if (b === 1) return forms[0];
  return forms[2];
}

export function countPartners(n: number): string {
  return `${n.toLocaleString("ru-RU")} ${plural(n, ["партнёр", "партнёра", "партнёров"])}`;
}

/**
 * The count next to the partners list's title, for the rows on screen:
 * `filtered` tells whether the search/filters that produced them were set
 * (not what is typed in the box now, which may not be searched yet).
 */
export function listCountLabel(n: number, filtered: boolean): string {
  return filtered ? `Найдено: ${n.toLocaleString("ru-RU")}` : countPartners(n);
}
