import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConclusionsSaver, annualExportedText, annualTitle, type SaveStatus } from "./annual";

describe("the year's report texts", () => {
  it("names the school year and the format", () => {
    expect(annualTitle(2025)).toBe("Аналитическая справка о сетевом взаимодействии за 2025/2026 учебный год");
    expect(annualExportedText("docx", "/tmp/с.docx")).toBe("Аналитическая справка сохранена в Word (DOCX): /tmp/с.docx");
  });
});

describe("keeping «Выводы»", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function saver(fail = false) {
    const saved: Array<[number, string]> = [];
    const statuses: SaveStatus[] = [];
    const s = new ConclusionsSaver(
      2025,
      "было",
      async (y, t) => {
        if (fail) throw new Error("refused");
        saved.push([y, t]);
      },
      (st) => statuses.push(st),
      1000,
    );
    return { s, saved, statuses };
  }

  it("saves once after a pause in typing, the last text", async () => {
    const { s, saved } = saver();
    s.edit("в");
    s.edit("вы");
    s.edit("вывод");
    expect(s.status).toBe("dirty");
    await vi.advanceTimersByTimeAsync(999);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([[2025, "вывод"]]);
    expect(s.status).toBe("saved");
  });

  it("saves at once on flush (leaving the field, the button, an export) and not twice", async () => {
    const { s, saved } = saver();
    s.edit("итог");
    expect(await s.flush()).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(saved).toEqual([[2025, "итог"]]);
    expect(await s.flush()).toBe(true);
    expect(saved).toHaveLength(1);
  });

  it("says nothing changed when the text is typed back", async () => {
    const { s, saved } = saver();
    s.edit("было!");
    s.edit("было");
    expect(s.status).toBe("saved");
    await vi.advanceTimersByTimeAsync(5000);
    expect(saved).toEqual([]);
  });

  it("reports a refused save and keeps the text unsaved", async () => {
    const { s, statuses } = saver(true);
    s.edit("текст");
    expect(await s.flush()).toBe(false);
    expect(s.status).toBe("failed");
    expect(statuses).toContain("saving");
  });

  it("saves what was typed during a save right after it", async () => {
    let release: () => void = () => {};
    const saved: string[] = [];
    const s = new ConclusionsSaver(2025, "", (_y, t) => {
      saved.push(t);
      return saved.length === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
    });
    s.edit("один");
    const first = s.flush();
    s.edit("один два");
    release();
    expect(await first).toBe(true);
    expect(saved).toEqual(["один", "один два"]);
    expect(s.status).toBe("saved");
  });
});
