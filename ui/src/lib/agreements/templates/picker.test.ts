import { describe, expect, it } from "vitest";
import type { MergeField } from "../../bindings";
import { fold, insertion, openLoops, search } from "./picker";

function field(russian: string, over: Partial<MergeField> = {}): MergeField {
  return {
    name: russian,
    russian,
    group: "Договор",
    description: "",
    example: "",
    insert: `{{ ${russian} }}`,
    lists: [],
    item: "",
    ...over,
  };
}

const head = field("учреждение.руководитель.в_лице", {
  name: "own.head.in_person",
  group: "Учреждение",
  description: "после «в лице»",
  example: "директора Мишиной Валентины Ивановны",
});
const role = field("партнёры[0].роль", {
  name: "partners[0].role",
  group: "Партнёры",
  lists: ["партнёры", "partners", "стороны", "parties"],
  item: "роль",
});
const loop = field("партнёры", {
  group: "Партнёры",
  insert: "{% for партнёр in партнёры %}\n{{ партнёр.полное_наименование }}\n{% endfor %}\n",
});
const number = field("номер", { name: "number", description: "номер договора" });
const fields = [number, head, loop, role];

describe("search", () => {
  it("lists all, grouped in order, for an empty query", () => {
    expect(search(fields, "").map((g) => [g.group, g.fields.length])).toEqual([
      ["Договор", 1],
      ["Учреждение", 1],
      ["Партнёры", 2],
    ]);
  });

  it("finds by Russian and English names, description, example; ё = е, _ = space", () => {
    const names = (q: string) => search(fields, q).flatMap((g) => g.fields.map((f) => f.russian));
    expect(names("в лице")).toEqual([head.russian]);
    expect(names("in_person")).toEqual([head.russian]);
    expect(names("Мишиной")).toEqual([head.russian]);
    expect(names("партнеры")).toEqual([loop.russian, role.russian]);
    expect(names("партнеры роль")).toEqual([role.russian]);
    expect(names("нет такого")).toEqual([]);
    expect(fold("Партнёры_Роль")).toBe("партнеры роль");
  });
});

describe("insertion", () => {
  it("puts the field at the cursor", () => {
    expect(insertion(head, "Текст ", 6)).toBe("{{ учреждение.руководитель.в_лице }}");
  });

  it("uses the loop's item inside a loop over the field's list", () => {
    const text = "{% for партнёр in партнёры %}\n\n{% endfor %}\n";
    expect(openLoops(text, 31)).toEqual([{ item: "партнёр", list: "партнёры" }]);
    expect(insertion(role, text, 31)).toBe("{{ партнёр.роль }}");
    const old = "{% for p in parties %}x{% endfor %}";
    expect(insertion(role, old, 23)).toBe("{{ p.роль }}");
    // After the loop is closed, the first partner again.
    expect(openLoops(text, text.length)).toEqual([]);
    expect(insertion(role, text, text.length)).toBe("{{ партнёры[0].роль }}");
  });

  it("inside {{ … }} only the name goes in", () => {
    expect(insertion(number, "{{  }}", 3)).toBe("номер");
  });

  it("a loop block starts on a line of its own", () => {
    expect(insertion(loop, "Текст", 5)).toBe("\n" + loop.insert);
    expect(insertion(loop, "Текст\n", 6)).toBe(loop.insert);
  });
});
