import { describe, expect, it } from "vitest";
import { errorMap, inlineFormKeys, isSaveKey, hasErrorsUnder, markedFieldsText, pathFromTestId, saveErrorSummary, shiftRowPaths, shouldTouch, unplacedErrors, visibleErrors } from "./form";

const errors = errorMap([
  { field: "full_name", message: "Укажите полное наименование." },
  { field: "requisites.inn", message: "ИНН: неверное контрольное число." },
  { field: "requisites.inn", message: "второе сообщение" },
  { field: "contacts.1.email", message: "Контакт 2: адрес эл. почты." },
]);

describe("form errors", () => {
  it("keeps the first message per field", () => {
    expect(errors["requisites.inn"]).toBe("ИНН: неверное контрольное число.");
    expect(Object.keys(errors)).toHaveLength(3);
  });
  it("shows only errors of fields the person has left", () => {
    const shown = visibleErrors(errors, new Set(["requisites.inn", "notes"]), false);
    expect(shown).toEqual({ "requisites.inn": "ИНН: неверное контрольное число." });
  });
  it("shows every error after «Сохранить»", () => {
    expect(Object.keys(visibleErrors(errors, new Set(), true))).toHaveLength(3);
  });
  it("collects errors of fields not on the form for the form-level message", () => {
    expect(unplacedErrors(errors, new Set(["full_name", "requisites.inn"]))).toEqual(["Контакт 2: адрес эл. почты."]);
  });
  it("finds errors under a row prefix", () => {
    expect(hasErrorsUnder(errors, "contacts.1")).toBe(true);
    expect(hasErrorsUnder(errors, "contacts.0")).toBe(false);
    expect(hasErrorsUnder(errors, "contacts.")).toBe(false);
  });
  it("shifts row paths after a contact row is removed", () => {
    const moved = shiftRowPaths(new Set(["contacts.0.email", "contacts.1.surname", "contacts.3.phone", "full_name"]), "contacts", 1);
    expect([...moved].sort()).toEqual(["contacts.0.email", "contacts.2.phone", "full_name"]);
  });
  it("maps test ids to field paths", () => {
    expect(pathFromTestId("field-requisites.inn")).toBe("requisites.inn");
    expect(pathFromTestId("institution-field-full_name", "institution-field")).toBe("full_name");
    expect(pathFromTestId("partner-save")).toBeNull();
    expect(pathFromTestId(undefined)).toBeNull();
  });
  it("reveals errors on leaving only fields that were typed in", () => {
    expect(shouldTouch("full_name", new Set(), new Set())).toBe(false);
    expect(shouldTouch("full_name", new Set(["full_name"]), new Set())).toBe(true);
    expect(shouldTouch("full_name", new Set(), new Set(["full_name"]))).toBe(true);
  });
});

describe("save error summary", () => {
  it("is the field's own message when one field is wrong", () => {
    expect(saveErrorSummary([{ field: "date", message: "Укажите дату договора." }])).toBe("Укажите дату договора.");
  });
  it("counts the fields when several are wrong", () => {
    const fields = [
      { field: "date", message: "Укажите дату." },
      { field: "number", message: "Укажите номер." },
    ];
    expect(saveErrorSummary(fields)).toBe("Исправьте отмеченные поля (2).");
    expect(markedFieldsText(5)).toBe("Исправьте отмеченные поля (5).");
  });
});

describe("inline form keys", () => {
  const key = (k: string, ctrl = false) => {
    let prevented = false;
    let stopped = false;
    const e = { key: k, ctrlKey: ctrl, metaKey: false, preventDefault: () => (prevented = true), stopPropagation: () => (stopped = true) };
    return { e: e as unknown as KeyboardEvent, done: () => ({ prevented, stopped }) };
  };
  it("Ctrl+Enter saves, Esc cancels and stays in the form, other keys pass", () => {
    const calls: string[] = [];
    const onkey = inlineFormKeys(() => calls.push("save"), () => calls.push("cancel"));
    const save = key("Enter", true);
    onkey(save.e);
    const esc = key("Escape");
    onkey(esc.e);
    const plain = key("Enter");
    onkey(plain.e);
    expect(calls).toEqual(["save", "cancel"]);
    expect(save.done().prevented).toBe(true);
    expect(esc.done()).toEqual({ prevented: true, stopped: true });
    expect(plain.done().prevented).toBe(false);
  });
});

describe("the save key", () => {
  const k = (key: string, code: string, mods: Partial<KeyboardEvent> = {}) =>
    ({ key, code, ctrlKey: true, metaKey: false, altKey: false, shiftKey: false, ...mods }) as KeyboardEvent;
  it("is Ctrl+S on any layout and Ctrl+Enter, nothing else", () => {
    expect(isSaveKey(k("s", "KeyS"))).toBe(true);
    expect(isSaveKey(k("ы", "KeyS"))).toBe(true);
    expect(isSaveKey(k("Enter", "Enter"))).toBe(true);
    expect(isSaveKey(k("s", "KeyS", { metaKey: true, ctrlKey: false }))).toBe(true);
    expect(isSaveKey(k("s", "KeyS", { ctrlKey: false }))).toBe(false);
    expect(isSaveKey(k("s", "KeyS", { altKey: true }))).toBe(false);
    expect(isSaveKey(k("S", "KeyS", { shiftKey: true }))).toBe(false);
    expect(isSaveKey(k("f", "KeyF"))).toBe(false);
  });
});
