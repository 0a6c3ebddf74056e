import { describe, expect, it } from "vitest";
import type { Backup } from "../bindings";
import {
  contents,
  continued,
  countInput,
  formatSize,
  markRestored,
  restoreQuestion,
  rotationInput,
  rotationText,
  startFailure,
  takeRestored,
  when,
} from "./logic";

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
  it("reads the rotation counts as typed and says which are not whole numbers", () => {
    expect(countInput(" 12 ")).toBe(12);
    expect(countInput("7,5")).toBeNull();
    expect(countInput("")).toBeNull();
    expect(countInput("-1")).toBeNull();
    expect(rotationInput({ daily: "10", weekly: "4", monthly: "24" })).toEqual({ policy: { daily: 10, weekly: 4, monthly: 24 } });
    // 0 and 100 are numbers: the core refuses them with its own message.
    expect(rotationInput({ daily: "0", weekly: "100", monthly: "1" })).toEqual({ policy: { daily: 0, weekly: 100, monthly: 1 } });
    expect(rotationInput({ daily: "семь", weekly: "4", monthly: "" })).toEqual({
      errors: { daily: "Укажите целое число от 1 до 99.", monthly: "Укажите целое число от 1 до 99." },
    });
    expect(rotationText({ daily: 7, weekly: 4, monthly: 12 })).toBe(
      "Хранятся последние копии: ежедневных — 7, еженедельных — 4, ежемесячных — 12",
    );
  });
  it("tells a failed backup at start from the others", () => {
    expect(continued("В папку «/media/usb» нельзя")).toBe("в папку «/media/usb» нельзя");
    expect(startFailure(null)).toBeNull();
    expect(startFailure({ status: "not_due" })).toBeNull();
    expect(startFailure({ status: "made", backup })).toBeNull();
    expect(startFailure({ status: "failed", reason: "В папку «/media/usb» нельзя записать…", folder: "/media/usb" })).toEqual({
      reason: "В папку «/media/usb» нельзя записать…",
      folder: "/media/usb",
    });
  });
});
