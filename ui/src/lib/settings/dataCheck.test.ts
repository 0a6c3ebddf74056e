import { describe, expect, it } from "vitest";
import type { DataCheck } from "../bindings";
import { countsText, damagedText } from "./dataCheck.svelte";

describe("the notice of damaged rows", () => {
  it("agrees the words with the number", () => {
    expect(damagedText(1)).toBe("1 запись повреждена и не показана");
    expect(damagedText(2)).toBe("2 записи повреждены и не показаны");
    expect(damagedText(5)).toBe("5 записей повреждены и не показаны");
    expect(damagedText(11)).toBe("11 записей повреждены и не показаны");
    expect(damagedText(21)).toBe("21 запись повреждена и не показана");
  });

  it("lists the figures by kind", () => {
    const check: DataCheck = {
      file_ok: true,
      counts: [
        { kind: "partner", label: "партнёры", count: 3 },
        { kind: "event", label: "мероприятия", count: 1 },
      ],
      rows: [],
    };
    expect(countsText(check)).toBe("партнёры — 3, мероприятия — 1");
  });
});
