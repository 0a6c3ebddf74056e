import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => ({ save: vi.fn(), open: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { onCrash } from "../backend";
import { toasts } from "../shell/toasts.svelte";
import { crash, openJournal } from "./crash.svelte";

const invoked = vi.mocked(invoke);
const listened = vi.mocked(listen);

beforeEach(() => {
  invoked.mockReset();
  listened.mockReset();
  crash.close();
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  for (const t of toasts.items) toasts.dismiss(t.id);
});

describe("the notice of a failure", () => {
  it("opens on the core's event and stops listening when asked", async () => {
    const unlisten = vi.fn();
    let fire: () => void = () => {};
    listened.mockImplementation(async (name, handler) => {
      expect(name).toBe("journal-crash");
      fire = () => handler({ event: name, id: 1, payload: null } as never);
      return unlisten;
    });
    const stop = await onCrash(() => crash.show());
    expect(crash.open).toBe(false);
    fire();
    expect(crash.open).toBe(true);
    stop();
    expect(unlisten).toHaveBeenCalled();
  });

  it("a window that cannot listen still works (nothing to stop)", async () => {
    listened.mockRejectedValue(new Error("event.listen not allowed"));
    const stop = await onCrash(() => crash.show());
    expect(() => stop()).not.toThrow();
    expect(crash.open).toBe(false);
  });
});

describe("«Открыть журнал»", () => {
  it("asks the core to open the newest journal file", async () => {
    invoked.mockResolvedValue(undefined);
    await openJournal();
    expect(invoked).toHaveBeenCalledWith("journal_open", undefined);
    expect(toasts.items).toEqual([]);
  });

  it("says in Russian why it could not", async () => {
    invoked.mockRejectedValue({
      code: "io",
      message: "Не удалось открыть файл «partnernet.2026-12-04.log» программой по умолчанию: нет программы",
      fields: [],
    });
    await openJournal();
    expect(toasts.items.map((t) => [t.kind, t.text])).toEqual([
      ["error", "Не удалось открыть файл «partnernet.2026-12-04.log» программой по умолчанию: нет программы"],
    ]);
  });
});
