import { describe, expect, it } from "vitest";
import { demoDone, demoQuestion, startOverDone, startOverQuestion } from "./startOver";

describe("starting over: what she is asked and told", () => {
  const demo = { partners: 26, agreements: 12, events: 65, institution: true };

  it("says what goes, what stays, and that a backup comes first", () => {
    const q = demoQuestion(demo);
    expect(q.message).toContain("26 партнёров, 12 договоров, 65 мероприятий");
    expect(q.message).toContain("профиль учреждения");
    expect(q.message).toContain("Записи, добавленные вами, останутся");
    expect(q.message).toContain("резервная копия");
    expect(demoQuestion({ ...demo, institution: false }).message).not.toContain("профиль");
    expect(startOverQuestion().message).toContain("Настройки программы останутся");
  });

  it("names the backup afterwards", () => {
    const removed = { removed: { partners: 21, agreements: 1, events: 2, institution: false }, kept_partners: 1, backup: "partnernet-2026-12-04-230216" };
    expect(demoDone(removed)).toBe(
      "Демонстрационные данные удалены: 21 партнёр, 1 договор, 2 мероприятия. " +
        "Оставлены партнёры, связанные с вашими записями: 1. Резервная копия «partnernet-2026-12-04-230216».",
    );
    expect(startOverDone({ backup: "partnernet-x", partners: 3, agreements: 0, events: 5 })).toContain(
      "(3 партнёра, 0 договоров, 5 мероприятий) сохранены в резервную копию «partnernet-x»",
    );
  });
});
