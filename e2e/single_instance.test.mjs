// One window per data folder, the journal, and a crash that is recorded
// (issue 12 §5), in the real window under Xvfb:
// - a second start of the app on the same data folder exits at once (the
//   single-instance plugin over the session D-Bus that scripts/e2e.sh
//   starts), there is still exactly one window, the running app still
//   answers and its journal says it was started again; a start on another
//   folder opens its own window;
// - the second start brings the running window to the front at X level:
//   another X window (xmessage) takes the input focus first, and after the
//   second start `xdotool getwindowfocus` is the app's window again
//   (build/e2e/single-instance-focus.png);
// - a panic inside a command (the debug-only `journal_debug_panic`): the
//   command answers an internal error, the window shows «Внутренняя ошибка
//   программы» with «Открыть журнал» (build/e2e/journal-crash.png), which
//   hands the newest journal file to the system's program, and the window
//   keeps working; the journal has the panic with its backtrace;
// - Настройки → Данные → «Журнал» (build/e2e/journal-settings.png and
//   -narrow at 1024×640).

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { APP, newDataDir, OUT, withApp } from "./harness.mjs";
import { ref, sleep } from "./webdriver.mjs";
import { clearOpened, openedFiles } from "./xdialog.mjs";

const TITLE = "Сетевое взаимодействие";

const invoke = (s, cmd, args = {}) =>
  s.exec(
    `return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
       .then((r) => ({ ok: r ?? null }), (e) => ({ err: e }));`,
    [cmd, args],
  );

/** The app's top-level X windows (titled like the app, shown). */
function appWindows() {
  try {
    return execFileSync("xdotool", ["search", "--onlyvisible", "--name", `^${TITLE}$`], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
  } catch {
    return []; // xdotool exits 1 when nothing matches
  }
}

/** Starts the app binary itself (not through the driver); resolves with its exit. */
function startApp(dir) {
  const child = spawn(APP, ["--data-dir", dir], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, output })));
  return { child, exited };
}

/** Everything in the data folder's journal. */
function journal(dir) {
  const logs = join(dir, "logs");
  return readdirSync(logs)
    .filter((n) => n.startsWith("partnernet.") && n.endsWith(".log"))
    .sort()
    .map((n) => readFileSync(join(logs, n), "utf8"))
    .join("");
}

test("a second start on the same folder shows the running window instead of opening another", async (t) => {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    t.skip("no session D-Bus: the single-instance check needs one (scripts/e2e.sh starts it)");
    return;
  }
  await withApp(t, async (s, dir) => {
    await s.find("start-empty");
    await s.waitUntil(() => appWindows().length > 0, { message: "the app's window is not found by xdotool" });
    const before = appWindows();
    t.diagnostic(`app windows before: ${before.length}`);

    const started = Date.now();
    const second = startApp(dir);
    const timeout = sleep(15_000).then(() => null);
    const result = await Promise.race([second.exited, timeout]);
    if (result === null) second.child.kill("SIGKILL");
    assert.ok(result, "the second start did not exit within 15 s");
    const ms = Date.now() - started;
    t.diagnostic(`second start exited with ${result.code} after ${ms} ms`);
    assert.equal(result.code, 0, `the second start exits cleanly: ${result.output}`);
    assert.ok(ms < 10_000, `the second start exits quickly (${ms} ms)`);

    await sleep(1000); // a window the second start might have made would be up by now
    assert.deepEqual(appWindows(), before, "still exactly the same window(s)");
    const info = await invoke(s, "app_info");
    assert.ok(info.ok, `the running app still answers: ${JSON.stringify(info)}`);
    assert.equal(info.ok.is_empty, true);
    assert.ok(await s.find("start-empty"), "the running window still shows its page");
    await s.waitUntil(() => journal(dir).includes("повторный запуск"), {
      message: "the running app's journal records the second start",
    });
    const text = journal(dir);
    assert.equal((text.match(/программа запущена/g) ?? []).length, 1, `one start in the journal:\n${text}`);

    // another data folder is another instance: its own window
    const other = newDataDir("single-other");
    const third = startApp(other);
    try {
      await s.waitUntil(() => appWindows().length > before.length, {
        timeout: 30_000,
        message: "a start on another data folder opens its own window",
      });
    } finally {
      third.child.kill("SIGTERM");
      await Promise.race([third.exited, sleep(5000)]);
      if (third.child.exitCode === null) third.child.kill("SIGKILL");
    }
  });
});

/** The X window that has the input focus (raw, as XGetInputFocus gives it). */
function focused() {
  return execFileSync("xdotool", ["getwindowfocus", "-f"], { encoding: "utf8" }).trim();
}

/** `id` and its ancestors up to the root, as decimal ids (xwininfo -tree). */
function lineage(id) {
  const out = [];
  let current = Number(id);
  for (let i = 0; i < 20 && current; i++) {
    out.push(current);
    const tree = execFileSync("xwininfo", ["-id", String(current), "-tree"], { encoding: "utf8" });
    const parent = tree.match(/Parent window id: (0x[0-9a-f]+)/i);
    if (!parent || /\(the root window\)/.test(tree.split("Parent window id:")[1].split("\n")[0])) break;
    current = Number(parent[1]);
  }
  return out;
}

/**
 * Which of the other window and the app's is higher: xwininfo lists the
 * root's children in stacking order, the topmost first.
 */
function topOf(otherId, app) {
  const tree = execFileSync("xwininfo", ["-root", "-children"], { encoding: "utf8" });
  const order = [...tree.matchAll(/^\s+(0x[0-9a-f]+)/gim)].map((m) => String(Number(m[1])));
  return order.find((w) => w === otherId || app.includes(w));
}

/** Whether the X focus is on one of the app's windows or inside one. */
function focusOnApp(app) {
  const ids = new Set(app.map(Number));
  return lineage(focused()).some((w) => ids.has(w));
}

test("a second start brings the running window back to the front: the X input focus moves to it", async (t) => {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    t.skip("no session D-Bus: the single-instance check needs one (scripts/e2e.sh starts it)");
    return;
  }
  await withApp(t, async (s, dir) => {
    await s.find("start-empty");
    const app = await s.waitUntil(() => (appWindows().length > 0 ? appWindows() : null), {
      message: "the app's window is not found by xdotool",
    });
    // Another program's window takes the focus, as when she switched away.
    const OTHER = "Другая программа";
    const other = spawn("xmessage", ["-title", OTHER, "-geometry", "+40+40", "Окно другой программы"], {
      stdio: "ignore",
    });
    try {
      const otherId = await s.waitUntil(
        () => {
          try {
            return execFileSync("xdotool", ["search", "--onlyvisible", "--name", `^${OTHER}$`], {
              encoding: "utf8",
            })
              .split("\n")
              .filter(Boolean)[0];
          } catch {
            return null;
          }
        },
        { message: "xmessage's window did not appear (package x11-utils)" },
      );
      execFileSync("xdotool", ["windowraise", otherId, "windowfocus", "--sync", otherId]);
      await s.waitUntil(() => lineage(focused()).includes(Number(otherId)), {
        message: "the other window did not take the focus",
      });
      assert.ok(!focusOnApp(app), "the focus is away from the app");
      t.diagnostic(`focus before: ${focused()} (xmessage ${otherId}; app ${app.join(", ")})`);
      assert.equal(topOf(otherId, app), otherId, "the other window is on top before the second start");

      const second = startApp(dir);
      const result = await Promise.race([second.exited, sleep(15_000).then(() => null)]);
      if (result === null) second.child.kill("SIGKILL");
      assert.equal(result?.code, 0, `the second start exits cleanly: ${result?.output}`);
      await s.waitUntil(() => focusOnApp(app), {
        timeout: 10_000,
        message: `the X focus did not come back to the app's window (focus ${focused()}, app ${app.join(", ")})`,
      });
      t.diagnostic(`focus after: ${focused()}`);
      // And raised above the other window.
      assert.ok(app.includes(topOf(otherId, app)), "the app's window is on top after the second start");
      await s.screenshot(join(OUT, "single-instance-focus.png"));
      assert.ok(await s.find("start-empty"), "the running window still shows its page");
    } finally {
      other.kill("SIGTERM");
    }
  });
});

test("a panic in a command is journaled, the window says so and opens the journal", async (t) => {
  await withApp(t, async (s, dir) => {
    await s.find("start-empty");
    clearOpened();
    const answer = await invoke(s, "journal_debug_panic");
    assert.equal(answer.err?.code, "internal", JSON.stringify(answer));
    assert.match(answer.err.message, /Внутренняя ошибка программы.*журнал/);

    const dialog = await s.find("crash-dialog");
    assert.ok(dialog);
    const shown = await s.pageText();
    assert.match(shown, /Внутренняя ошибка программы/);
    assert.match(shown, /Открыть журнал/);
    await s.screenshot(join(OUT, "journal-crash.png"));

    const text = journal(dir);
    assert.match(text, /ERROR panic: сбой программы: проверка журнала/);
    assert.match(text, /stack backtrace:/);
    assert.match(text, /code=internal/);
    assert.ok(!text.includes("ivanova@example.ru") && !text.includes("6825012345"), "no personal data in clear");

    await s.clickId("crash-open-journal");
    await s.gone("crash-dialog");
    const today = new Date().toISOString().slice(0, 10);
    await s.waitUntil(() => openedFiles().some((p) => p === join(dir, "logs", `partnernet.${today}.log`)), {
      message: `«Открыть журнал» did not hand the journal file over: ${JSON.stringify(openedFiles())}`,
    });

    // the window lives on: a real action after the failure
    await s.clickId("start-empty");
    await s.find("institution-save");
    await s.clickId("settings-data");
    const folder = await s.waitText("journal-folder", (x) => x === join(dir, "logs"), {
      message: "Настройки → Данные shows the journal's folder",
    });
    assert.ok(folder);
    const panel = await s.find("journal-panel");
    await s.exec(`arguments[0].scrollIntoView({ block: "end" });`, [ref(panel)]);
    await s.screenshot(join(OUT, "journal-settings.png"));
    clearOpened();
    await s.clickId("journal-open");
    await s.waitUntil(() => openedFiles().some((p) => p.endsWith(`partnernet.${today}.log`)), {
      message: "the settings' «Открыть журнал» did not open the journal",
    });
    const resized = await s
      .cmd("POST", "/window/rect", { width: 1024, height: 640 })
      .then(() => true)
      .catch((e) => {
        t.diagnostic(`window not resized: ${e.message}`);
        return false;
      });
    if (resized) {
      await sleep(500);
      await s.exec(`arguments[0].scrollIntoView({ block: "end" });`, [ref(await s.find("journal-panel"))]);
      await s.screenshot(join(OUT, "journal-settings-narrow.png"));
    }
  });
});
