import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => ({ save: vi.fn(), open: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";
import { toasts } from "../shell/toasts.svelte";
import { openExported, openWith, saveExport } from "./actions";

const invoked = vi.mocked(invoke);
const saved = vi.mocked(save);
const opened = vi.mocked(open);

const OPTIONS = {
  title: "Сохранить план сетевого взаимодействия",
  default_path: "/home/м/Документы/План сетевого взаимодействия 2026-2027.pdf",
  filters: [{ name: "Документ PDF", extensions: ["pdf"] }],
};

beforeEach(() => {
  invoked.mockReset();
  saved.mockReset();
  opened.mockReset();
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  for (const t of toasts.items) toasts.dismiss(t.id);
});

describe("saveExport", () => {
  it("proposes the core's name and folder, writes to the chosen path and offers to open it", async () => {
    invoked.mockImplementation(async (cmd) => (cmd === "exports_save_dialog" ? OPTIONS : undefined));
    saved.mockResolvedValue("/tmp/план.pdf");
    const write = vi.fn(async (p: string) => p);
    const path = await saveExport({ kind: "plan", year: 2026, format: "pdf" }, write, (p) => `План сохранён: ${p}`);
    expect(invoked).toHaveBeenCalledWith("exports_save_dialog", { target: { kind: "plan", year: 2026, format: "pdf" } });
    expect(saved).toHaveBeenCalledWith({ title: OPTIONS.title, defaultPath: OPTIONS.default_path, filters: OPTIONS.filters });
    expect(write).toHaveBeenCalledWith("/tmp/план.pdf");
    expect(path).toBe("/tmp/план.pdf");
    const toast = toasts.items.at(-1);
    expect(toast?.text).toBe("План сохранён: /tmp/план.pdf");
    expect(toast?.action?.label).toBe("Открыть файл");
    await toast?.action?.run();
    expect(invoked).toHaveBeenLastCalledWith("exports_open", { path: "/tmp/план.pdf" });
  });

  it("does nothing and says nothing when the dialog is cancelled", async () => {
    invoked.mockResolvedValue(OPTIONS);
    saved.mockResolvedValue(null);
    const write = vi.fn(async (p: string) => p);
    const before = toasts.items.length;
    expect(await saveExport({ kind: "brochure", id: 1, format: "pdf" }, write, (p) => p)).toBeNull();
    expect(write).not.toHaveBeenCalled();
    expect(toasts.items.length).toBe(before);
  });

  it("shows the core's refusal in Russian", async () => {
    invoked.mockImplementation(async (cmd) => {
      if (cmd === "exports_save_dialog") return OPTIONS;
      throw { code: "io", message: "Ошибка чтения или записи файла /нет/план.pdf: нет доступа", fields: [] };
    });
    saved.mockResolvedValue("/нет/план.pdf");
    const write = (p: string) => invoke<string>("plan_export", { path: p });
    expect(await saveExport({ kind: "plan", year: 2026, format: "pdf" }, write, (p) => p)).toBeNull();
    expect(toasts.items.at(-1)).toMatchObject({ kind: "error", text: expect.stringContaining("нет доступа") });
  });
});

describe("openWith", () => {
  it("opens in the remembered folder with the purpose's filters and hands the file on", async () => {
    const options = { title: "Импорт мероприятий из календаря", default_path: "/home/м", filters: [{ name: "ics", extensions: ["ics"] }] };
    invoked.mockResolvedValue(options);
    opened.mockResolvedValue("/home/м/календарь.ics");
    const use = vi.fn(async (p: string) => p.length);
    expect(await openWith("calendar", use)).toBe("/home/м/календарь.ics".length);
    expect(invoked).toHaveBeenCalledWith("exports_open_dialog", { purpose: "calendar" });
    expect(opened).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: "/home/м", multiple: false, directory: false }));
  });

  it("returns null on a cancel without calling on", async () => {
    invoked.mockResolvedValue(OPTIONS);
    opened.mockResolvedValue(null);
    const use = vi.fn();
    expect(await openWith("scan", use)).toBeNull();
    expect(use).not.toHaveBeenCalled();
  });
});

describe("openExported", () => {
  it("shows why a file cannot be opened", async () => {
    invoked.mockRejectedValue({ code: "not_found", message: "Файл «/etc/passwd» не выгружался из программы", fields: [] });
    await openExported("/etc/passwd");
    expect(toasts.items.at(-1)?.text).toContain("не выгружался");
  });
});
