import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { toasts } from "./toasts.svelte";

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  for (const t of toasts.items) toasts.dismiss(t.id);
  vi.useRealTimers();
});

describe("toasts", () => {
  it("shows at most three at once, newest last", () => {
    for (const n of [1, 2, 3, 4, 5]) toasts.show(`сообщение ${n}`);
    expect(toasts.items.map((t) => t.text)).toEqual(["сообщение 3", "сообщение 4", "сообщение 5"]);
  });

  it("replaces a toast about the same thing", () => {
    toasts.show("Партнёр перемещён в корзину", "info", { label: "Отменить", run: () => {} }, undefined, "partner-7");
    toasts.show("Удаление отменено", "success", undefined, undefined, "partner-7");
    expect(toasts.items.map((t) => t.text)).toEqual(["Удаление отменено"]);
  });

  it("hides itself after a while; an undo toast stays longer", () => {
    toasts.show("Сохранено");
    toasts.show("В корзине", "info", { label: "Отменить", run: () => {} });
    vi.advanceTimersByTime(4500);
    expect(toasts.items.map((t) => t.text)).toEqual(["В корзине"]);
    vi.advanceTimersByTime(4000);
    expect(toasts.items).toEqual([]);
  });

  it("shows the message of an ApiError", () => {
    toasts.error({ code: "not_found", message: "Партнёр не найден(а): № 3", fields: [] });
    expect(toasts.items[0]).toMatchObject({ kind: "error", text: "Партнёр не найден(а): № 3" });
  });
});
