import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => ({ save: vi.fn(), open: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import { save } from "@tauri-apps/plugin-dialog";
import { toasts } from "../shell/toasts.svelte";
import { contactList, eventList, exportList, formatItems, listSavedText, partnerList, trashList } from "./lists";

const invoked = vi.mocked(invoke);
const saved = vi.mocked(save);

const OPTIONS = {
  title: "Сохранить список партнёров",
  default_path: "/home/м/Документы/Партнёры 04.12.2026.xlsx",
  filters: [{ name: "Таблица Excel (.xlsx)", extensions: ["xlsx"] }],
};

beforeEach(() => {
  invoked.mockReset();
  saved.mockReset();
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  for (const t of toasts.items) toasts.dismiss(t.id);
});

describe("list exports", () => {
  it("name the rows shown, in their order, and copy them", () => {
    const ids = [5, 2, 9];
    const target = partnerList(ids, "xlsx");
    expect(target).toEqual({ kind: "partner_list", ids: [5, 2, 9], format: "xlsx" });
    ids.push(1);
    expect(target).toEqual({ kind: "partner_list", ids: [5, 2, 9], format: "xlsx" });
    expect(contactList([3], "csv")).toEqual({ kind: "contact_list", partner_ids: [3], format: "csv" });
    expect(trashList([{ kind: "event", id: 4 }], "csv")).toEqual({ kind: "trash_list", items: [{ kind: "event", id: 4 }], format: "csv" });
    const filter = { from: "2026-09-28", to: "2026-11-08", form_ids: [2], partner_id: null, statuses: [], query: "сем" };
    expect(eventList(filter, true, "xlsx")).toEqual({ kind: "event_list", filter, series: true, format: "xlsx" });
  });

  it("offer Excel and CSV, each building its target when chosen", () => {
    let shown = [1, 2];
    const items = formatItems("Партнёры", "partners-export", (f) => partnerList(shown, f));
    expect(items.map((i) => [i.label, i.testid])).toEqual([
      ["Партнёры — Excel (.xlsx)", "partners-export-xlsx"],
      ["Партнёры — CSV для Excel (.csv)", "partners-export-csv"],
    ]);
    shown = [7];
    expect(items[1].target()).toEqual({ kind: "partner_list", ids: [7], format: "csv" });
    expect(formatItems("", "x", (f) => partnerList([], f))[0].label).toBe("Excel (.xlsx)");
  });

  it("go through the save dialog to lists_export and say where the file went", async () => {
    invoked.mockImplementation(async (cmd, args) =>
      cmd === "exports_save_dialog" ? OPTIONS : cmd === "lists_export" ? (args as { path: string }).path : undefined,
    );
    saved.mockResolvedValue("/tmp/Партнёры.xlsx");
    const target = partnerList([3, 1], "xlsx");
    expect(await exportList(target)).toBe("/tmp/Партнёры.xlsx");
    expect(invoked).toHaveBeenCalledWith("lists_export", { target, path: "/tmp/Партнёры.xlsx" });
    expect(toasts.items.at(-1)?.text).toBe("Список сохранён: /tmp/Партнёры.xlsx");
    expect(listSavedText(contactList([], "csv"), "/x.csv")).toBe("Контакты сохранены: /x.csv");
  });

  it("do nothing when the dialog is cancelled", async () => {
    invoked.mockImplementation(async (cmd) => (cmd === "exports_save_dialog" ? OPTIONS : undefined));
    saved.mockResolvedValue(null);
    expect(await exportList(partnerList([1], "xlsx"))).toBeNull();
    expect(invoked).not.toHaveBeenCalledWith("lists_export", expect.anything());
  });
});
