// The day's reminder through the real backend adapter with Tauri's IPC
// mocked (@tauri-apps/api/mocks): what reaches the notification plugin's
// `notify`, nothing when the core has no notice, and «Главная» opening at
// the window's next focus after a notice.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// The tests run in Node: the mock needs a `window` to hang Tauri's internals on.
beforeAll(() => {
  (globalThis as { window?: unknown }).window ??= globalThis;
});

import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { DayNotice } from "../bindings";
import { remindNow, startReminders } from "./reminders";

const notice: DayNotice = {
  title: "1 договор истекает, завтра 2 мероприятия",
  body: "Договоры: № 12/2026 (МБОУ «Лицей») — через 5 дней, 27.11.2026.\nЗавтра, 23.11.2026: 15:00 «Семинар»; весь день «Выставка».",
  agreements: 1,
  events: 2,
};

/** The IPC calls, and the core's answer to `notifications_take`. */
function plugin(answer: DayNotice | null, allowed: boolean | null = true) {
  const calls: { cmd: string; args: unknown }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    if (cmd === "notifications_take") return answer;
    if (cmd === "plugin:notification|is_permission_granted") return allowed;
    if (cmd === "plugin:notification|request_permission") return "granted";
    if (cmd === "plugin:notification|notify") return null;
    throw new Error(`unexpected ${cmd}`);
  });
  return calls;
}

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

describe("the day's reminder", () => {
  it("hands the core's title and text to the notification plugin", async () => {
    const calls = plugin(notice);
    expect(await remindNow()).toEqual(notice);
    const notify = calls.find((c) => c.cmd === "plugin:notification|notify");
    expect(notify?.args).toEqual({ options: { title: notice.title, body: notice.body } });
  });

  it("shows nothing when nothing is due or it was shown today", async () => {
    const calls = plugin(null);
    expect(await remindNow()).toBeNull();
    expect(calls.map((c) => c.cmd)).toEqual(["plugin:notification|is_permission_granted", "notifications_take"]);
  });

  it("asks for the permission once, and stays silent when refused", async () => {
    const asked = plugin(notice, null);
    expect(await remindNow()).toEqual(notice);
    expect(asked.map((c) => c.cmd)).toContain("plugin:notification|request_permission");
    clearMocks();
    const refused = plugin(notice, false);
    expect(await remindNow()).toBeNull();
    expect(refused.map((c) => c.cmd)).toEqual(["plugin:notification|is_permission_granted"]);
  });

  it("a failing plugin is no error for her", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    mockIPC((cmd) => {
      if (cmd === "notifications_take") return notice;
      if (cmd === "plugin:notification|is_permission_granted") return true;
      throw new Error("org.freedesktop.Notifications was not provided");
    });
    expect(await remindNow()).toBeNull();
  });

  it("a notice that came while she was elsewhere opens «Главная» when the window gets the focus back", async () => {
    plugin(notice);
    const target = new EventTarget();
    const open = vi.fn();
    const stop = startReminders(open, undefined, target as unknown as Window, () => false);
    await new Promise((r) => setTimeout(r, 10));
    target.dispatchEvent(new Event("focus"));
    expect(open).toHaveBeenCalledTimes(1);
    target.dispatchEvent(new Event("blur"));
    target.dispatchEvent(new Event("focus"));
    expect(open).toHaveBeenCalledTimes(1);
    stop();
  });

  it("a notice shown while she is in the window moves nothing (a file dialog coming and going)", async () => {
    plugin(notice);
    const target = new EventTarget();
    const open = vi.fn();
    const stop = startReminders(open, undefined, target as unknown as Window, () => true);
    await new Promise((r) => setTimeout(r, 10));
    target.dispatchEvent(new Event("blur"));
    target.dispatchEvent(new Event("focus"));
    expect(open).not.toHaveBeenCalled();
    stop();
  });

  it("nothing due: the focus opens nothing", async () => {
    plugin(null);
    const target = new EventTarget();
    const open = vi.fn();
    const stop = startReminders(open, undefined, target as unknown as Window, () => false);
    await new Promise((r) => setTimeout(r, 10));
    target.dispatchEvent(new Event("focus"));
    expect(open).not.toHaveBeenCalled();
    stop();
  });

  it("checks again every hour and stops when asked", async () => {
    vi.useFakeTimers();
    const calls = plugin(null);
    const target = new EventTarget();
    const stop = startReminders(() => {}, undefined, target as unknown as Window, () => true);
    await vi.advanceTimersByTimeAsync(3_600_000 * 2);
    expect(calls.filter((c) => c.cmd === "notifications_take")).toHaveLength(3);
    stop();
    await vi.advanceTimersByTimeAsync(3_600_000 * 2);
    expect(calls.filter((c) => c.cmd === "notifications_take")).toHaveLength(3);
  });
});
