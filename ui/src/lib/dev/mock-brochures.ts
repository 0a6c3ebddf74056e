// DEV ONLY: the brochure commands of the fake core (see mock-core.ts).
// The preview returns one of two PDFs made by the real engine
// (`partnernet brochure render`), and imitates its line-numbered errors.
// URL flags: ?nobrochures (empty list, empty trash), ?savefail (every save
// fails), ?trash (also a partner and a brochure in the trash, see mock-core.ts).
import type { ApiError, Brochure, BrochureSummary } from "../bindings";
import { titleOf } from "../documents/editor";
import demoSource from "./demo-brochure.md?raw";
// Inlined (base64), so the mock needs no fetch and runs under the app's own CSP.
import demoPdf from "./demo-brochure.pdf?inline";
import templatePdf from "./template-brochure.pdf?inline";

const params = new URLSearchParams(globalThis.location?.search ?? "");
const KEYS = ["organization", "unit", "title", "kind", "authors", "city", "year"];

let brochures: Brochure[] = [];
let nextId = 1;
let tick = 0;

function now(): string {
  tick += 1;
  return new Date(Date.UTC(2026, 10, 21, 14, 0, 0) + tick * 60_000).toISOString().slice(0, 19);
}

function add(source: string): Brochure {
  const t = now();
  const b: Brochure = { id: nextId++, title: titleOf(source), source, created_at: t, updated_at: t, deleted_at: null };
  brochures.push(b);
  return b;
}

if (!params.has("nobrochures") && !params.has("empty")) {
  add(demoSource);
  add(demoSource.replace("title: Как начать сетевое взаимодействие", "title: Формы сетевого взаимодействия с родителями"));
  if (params.has("trash")) {
    add(demoSource.replace("title: Как начать сетевое взаимодействие", "title: Черновик: летняя смена")).deleted_at = now();
  }
}

function fail(code: string, message: string, line?: number): never {
  const fields = line ? [{ field: `line.${line}`, message }] : [];
  throw { code, message, fields } satisfies ApiError;
}

function get(id: number): Brochure {
  const b = brochures.find((x) => x.id === id && !x.deleted_at) ?? fail("not_found", `Брошюра не найдена: № ${id}`);
  return b;
}

/** A few of the real engine's checks, with its wording. */
function check(source: string) {
  const lines = source.split("\n");
  if (lines[0]?.trim() !== "---")
    fail("document", "Строка 1: брошюра должна начинаться с блока титульного листа: строка «---», затем ключи organization, unit, title, kind, authors, city, year и снова «---»", 1);
  let i = 1;
  for (; i < lines.length && lines[i].trim() !== "---"; i++) {
    const m = /^([A-Za-z_]+):/.exec(lines[i]);
    if (m && !KEYS.includes(m[1]))
      fail("document", `Строка ${i + 1}: неизвестный ключ «${m[1]}»; допустимы только: ${KEYS.join(", ")}`, i + 1);
  }
  for (let n = i + 1; n < lines.length; n++) {
    const l = lines[n];
    if (/!\[/.test(l)) fail("document", `Строка ${n + 1}: изображения в брошюре не поддерживаются`, n + 1);
    if (/^\s*```/.test(l)) fail("document", `Строка ${n + 1}: блоки кода в брошюре не поддерживаются`, n + 1);
    if (/^\s*<[a-z]/i.test(l)) fail("document", `Строка ${n + 1}: HTML в брошюре не поддерживается`, n + 1);
  }
}

function pdf(dataUrl: string): ArrayBuffer {
  const bin = atob(dataUrl.slice(dataUrl.indexOf(",") + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

export const brochureHandlers: Record<string, (a: Record<string, unknown>) => unknown> = {
  brochures_list: (): BrochureSummary[] =>
    brochures
      .filter((b) => !b.deleted_at)
      .sort((a, b) => b.updated_at.localeCompare(a.updated_at))
      .map(({ id, title, updated_at }) => ({ id, title, updated_at })),
  brochures_get: (a) => get(a.id as number),
  brochures_template: () =>
    "---\norganization: Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества»\nunit: Муниципальный опорный центр\ntitle: Название брошюры\nkind: Методические рекомендации\nauthors:\n  - Фамилия И.О. — методист\ncity: Котовск\nyear: 2026\n---\n\n[[toc]]\n\n---\n\n# Введение\n\nТекст введения.\n\n# Основная часть\n\n## Раздел\n\n- пункт списка;\n- пункт списка.\n\n# Вывод\n\nТекст вывода.\n",
  brochures_create: (a) => add(a.source as string),
  brochures_update: (a) => {
    if (params.has("savefail")) fail("internal", "Не удалось записать базу данных: диск заполнен.");
    const b = get(a.id as number);
    b.source = a.source as string;
    b.title = titleOf(b.source);
    b.updated_at = now();
    return b;
  },
  brochures_trash: (a) => {
    get(a.id as number).deleted_at = now();
  },
  brochures_restore: (a) => {
    const b = brochures.find((x) => x.id === a.id) ?? fail("not_found", "Брошюра не найдена");
    b.deleted_at = null;
  },
  brochures_trash_list: (): BrochureSummary[] =>
    brochures
      .filter((b) => b.deleted_at)
      .sort((a, b) => b.updated_at.localeCompare(a.updated_at) || b.id - a.id)
      .map(({ id, title, updated_at }) => ({ id, title, updated_at })),
  brochures_purge: (a) => {
    const b = brochures.find((x) => x.id === a.id) ?? fail("not_found", "Брошюра не найдена");
    if (!b.deleted_at) fail("conflict", `«${b.title}» не в корзине: навсегда удалить можно только из корзины.`);
    brochures = brochures.filter((x) => x !== b);
  },
  brochures_preview: (a) => {
    const source = a.source as string;
    check(source);
    return pdf(source.includes("Основные понятия") ? demoPdf : templatePdf);
  },
  brochures_export: (a) => {
    const b = get(a.id as number);
    check(b.source);
    return (a.path as string | null) ?? `/home/metodist/Документы/${b.title || "Брошюра"}.pdf`;
  },
};
