// Several templates per agreement kind (issue 14 §5): what the templates
// page and the agreement editor say about them. The rules (names, the
// built-in template, the default) are the core's; this only words them.
import type { AgreementTemplate } from "../../bindings";
import { plural } from "../../format";

/** The kind's default template, or the built-in one if none is marked. */
export function defaultOf(list: AgreementTemplate[]): AgreementTemplate | null {
  return list.find((t) => t.is_default) ?? list.find((t) => t.builtin) ?? null;
}

/** The first option of the editor's «Шаблон»: following the default, named. */
export function defaultOptionLabel(list: AgreementTemplate[]): string {
  const d = defaultOf(list);
  return d ? `По умолчанию — «${d.name}»` : "По умолчанию";
}

/** The name the card shows for an agreement's template: only a chosen
 *  one that is not the kind's default (null otherwise). */
export function chosenTemplateName(templateId: number | null, list: AgreementTemplate[]): string | null {
  if (templateId === null) return null;
  const t = list.find((x) => x.id === templateId);
  if (!t || t.is_default) return null;
  return t.name;
}

/** «Для школ (копия)», «Для школ (копия 2)» … — a free name for a copy. */
export function copyName(name: string, list: AgreementTemplate[]): string {
  const taken = new Set(list.map((t) => nameKey(t.name)));
  const base = name.replace(/ \(копия(?: \d+)?\)$/, "");
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base} (копия)` : `${base} (копия ${n})`;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}

/** «Новый шаблон»: «Мой шаблон», «Мой шаблон 2» … */
export function newName(list: AgreementTemplate[]): string {
  const taken = new Set(list.map((t) => nameKey(t.name)));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? "Мой шаблон" : `Мой шаблон ${n}`;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}

/** What deleting `t` does, for the question before it. */
export function deleteMessage(t: AgreementTemplate, list: AgreementTemplate[]): string {
  const builtin = list.find((x) => x.builtin);
  const fallback = t.is_default ? builtin : defaultOf(list);
  const to = fallback ? `«${fallback.name}»` : "по умолчанию";
  const parts = [`Шаблон «${t.name}» будет удалён.`];
  if (t.is_default) parts.push(`Шаблоном по умолчанию станет ${to}.`);
  if (t.used_by > 0) {
    const n = t.used_by;
    const said = plural(n, ["договор выбрал его; он перейдёт", "договора выбрали его; они перейдут", "договоров выбрали его; они перейдут"]);
    parts.push(`${n} ${said} на шаблон по умолчанию ${to}.`);
  }
  return parts.join(" ");
}

/** After deleting: «Шаблон удалён; 3 договора перешли на шаблон по умолчанию». */
export function deletedMessage(moved: number): string {
  if (moved === 0) return "Шаблон удалён";
  return `Шаблон удалён; ${moved} ${plural(moved, ["договор перешёл", "договора перешли", "договоров перешли"])} на шаблон по умолчанию`;
}

/** Names compared as the core compares them: letter case and «ё» aside. */
function nameKey(s: string): string {
  return s.trim().toLowerCase().replaceAll("ё", "е");
}
