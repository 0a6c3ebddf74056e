import { describe, expect, it } from "vitest";
import type { Backup } from "../bindings";
import { contents, formatSize, markRestored, restoreQuestion, takeRestored, when } from "./logic";

const backup: Backup = {
  name: "partnernet-2026-12-04-152000",
  path: "/d/backups/partnernet-2026-12-04-152000",
  created_at: "2026-12-04T15:20:00",
  reason: "manual",
  reason_label: "Создана вручную",
  size: 1_300_000,
  partners: 21,
  agreements: 3,
  events: 45,
  attachments: 1,
  problem: null,
};

describe("backups", () => {
  it("shows sizes in КБ and МБ", () => {
    expect(formatSize(10)).toBe("1 КБ");
    expect(formatSize(300 * 1024)).toBe("300 КБ");
    expect(formatSize(1_300_000)).toBe("1,2 МБ");
    expect(formatSize(25 * 1024 * 1024)).toBe("25 МБ");
  });
  it("says what a backup holds with Russian plurals", () => {
    expect(contents(backup)).toBe("21 партнёр · 3 договора · 45 мероприятий · 1 файл");
    expect(contents({ ...backup, attachments: 0, partners: 5 })).toBe("5 партнёров · 3 договора · 45 мероприятий");
  });
  it("names the date in the restore question", () => {
    const q = restoreQuestion(backup);
    expect(q.title).toBe("Восстановить данные на 04.12.2026 15:20?");
    expect(q.message).toContain("текущее состояние будет сохранено");
    expect(when({ ...backup, created_at: null })).toBe(backup.name);
  });
  it("keeps the note across the reload once", () => {
    const m = new Map<string, string>();
    const store = {
      setItem: (k: string, v: string) => void m.set(k, v),
      getItem: (k: string) => m.get(k) ?? null,
      removeItem: (k: string) => void m.delete(k),
    };
    markRestored(backup, store);
    expect(takeRestored(store)).toContain("04.12.2026 15:20");
    expect(takeRestored(store)).toBeNull();
  });
});
