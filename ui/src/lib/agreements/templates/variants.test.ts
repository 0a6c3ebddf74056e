import { describe, expect, it } from "vitest";
import type { AgreementTemplate } from "../../bindings";
import { chosenTemplateName, copyName, defaultOf, defaultOptionLabel, deletedMessage, deleteMessage, newName } from "./variants";

function t(id: number, name: string, over: Partial<AgreementTemplate> = {}): AgreementTemplate {
  return { id, kind: "cooperation", name, source: "", builtin: false, customized: true, is_default: false, used_by: 0, ...over };
}

const builtin = t(1, "Стандартный", { builtin: true, customized: false });
const schools = t(2, "Для школ", { is_default: true, used_by: 1 });
const museums = t(3, "Для музеев", { used_by: 3 });

describe("template variants", () => {
  it("finds the default, the built-in one when none is marked", () => {
    expect(defaultOf([builtin, schools, museums])?.name).toBe("Для школ");
    expect(defaultOf([builtin, museums])?.name).toBe("Стандартный");
    expect(defaultOf([])).toBeNull();
    expect(defaultOptionLabel([builtin, schools])).toBe("По умолчанию — «Для школ»");
  });

  it("names the chosen template on the card only when it is not the default", () => {
    const list = [builtin, schools, museums];
    expect(chosenTemplateName(null, list)).toBeNull();
    expect(chosenTemplateName(2, list)).toBeNull();
    expect(chosenTemplateName(3, list)).toBe("Для музеев");
    expect(chosenTemplateName(1, list)).toBe("Стандартный");
    expect(chosenTemplateName(99, list)).toBeNull();
  });

  it("proposes free names for a new template and a copy", () => {
    expect(newName([builtin])).toBe("Мой шаблон");
    expect(newName([builtin, t(4, "мой шаблон")])).toBe("Мой шаблон 2");
    expect(copyName("Для школ", [builtin, schools])).toBe("Для школ (копия)");
    const list = [builtin, schools, t(5, "Для школ (копия)")];
    expect(copyName("Для школ", list)).toBe("Для школ (копия 2)");
    expect(copyName("Для школ (копия)", list)).toBe("Для школ (копия 2)");
  });

  it("says what deleting does, with the number of agreements moved", () => {
    const list = [builtin, schools, museums];
    expect(deleteMessage(museums, list)).toBe(
      "Шаблон «Для музеев» будет удалён. 3 договора выбрали его; они перейдут на шаблон по умолчанию «Для школ».",
    );
    expect(deleteMessage(schools, list)).toBe(
      "Шаблон «Для школ» будет удалён. Шаблоном по умолчанию станет «Стандартный». 1 договор выбрал его; он перейдёт на шаблон по умолчанию «Стандартный».",
    );
    expect(deleteMessage(t(6, "Пустой"), list)).toBe("Шаблон «Пустой» будет удалён.");
    expect(deletedMessage(0)).toBe("Шаблон удалён");
    expect(deletedMessage(5)).toBe("Шаблон удалён; 5 договоров перешли на шаблон по умолчанию");
    expect(deletedMessage(21)).toBe("Шаблон удалён; 21 договор перешёл на шаблон по умолчанию");
  });
});
