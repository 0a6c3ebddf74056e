// What Настройки → Данные says when she removes the demo or starts over:
// the confirmations (what goes, what stays, that a backup comes first) and
// the notes shown after the window reloads, naming the backup.
import type { DemoData, DemoRemoved, StartedOver } from "../bindings";
import { plural } from "../format";

function counted(n: number, forms: [string, string, string]): string {
  return `${n} ${plural(n, forms)}`;
}

/** «26 партнёров, 12 договоров, 65 мероприятий». */
export function demoContents(d: Pick<DemoData, "partners" | "agreements" | "events">): string {
  return [
    counted(d.partners, ["партнёр", "партнёра", "партнёров"]),
    counted(d.agreements, ["договор", "договора", "договоров"]),
    counted(d.events, ["мероприятие", "мероприятия", "мероприятий"]),
  ].join(", ");
}

export function demoQuestion(d: DemoData): { title: string; message: string } {
  const institution = d.institution ? " и профиль учреждения «Дом детского творчества»" : "";
  return {
    title: "Удалить демонстрационные данные?",
    message:
      `Будут удалены записи, которые программа добавила для знакомства: ${demoContents(d)}, ` +
      `брошюра и связи между партнёрами${institution}. Записи, добавленные вами, останутся; ` +
      `демонстрационный партнёр, указанный в ваших договорах или мероприятиях, тоже останется. ` +
      `Перед удалением будет сделана резервная копия.`,
  };
}

export function demoDone(r: DemoRemoved): string {
  const kept =
    r.kept_partners > 0
      ? ` Оставлены партнёры, связанные с вашими записями: ${r.kept_partners}.`
      : "";
  return `Демонстрационные данные удалены: ${demoContents(r.removed)}.${kept} Резервная копия «${r.backup}».`;
}

export function startOverQuestion(): { title: string; message: string } {
  return {
    title: "Начать с пустой базы?",
    message:
      "Все партнёры, контакты, договоры с файлами, мероприятия, брошюры и профиль учреждения будут удалены, " +
      "виды мероприятий и шаблоны договоров вернутся к исходным. Настройки программы останутся. " +
      "Сначала будет сделана резервная копия — из неё всё можно восстановить в разделе «Резервные копии».",
  };
}

export function startOverDone(s: StartedOver): string {
  return (
    `База очищена. Прежние данные (${demoContents(s)}) сохранены в резервную копию «${s.backup}» — ` +
    `её можно восстановить в разделе «Резервные копии».`
  );
}
