// The day's reminder as a real system notification (issue 14 §4): a
// notification server (e2e/notification_server.py, printing what it
// receives) runs on the session bus of scripts/e2e.sh; the app started on the demo sends the
// core's notice through Tauri's notification plugin at start, and not a
// second time that day. The plugin cannot report a click on Linux: a notice
// that came while she was in another program opens «Главная» when the window
// gets the focus back (ui/src/lib/notifications/reminders.test.ts); this one
// came while the window had the focus, so another X window (xmessage, as a
// file dialog would) taking the focus and giving it back moves nothing.
// Screenshot: notifications-after-focus.png.

import assert from "node:assert/strict";
import { test } from "node:test";
import { execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { cliDemo, newDataDir, OUT, ROOT, withApp } from "./harness.mjs";

const has = (command) => {
  try {
    execFileSync("sh", ["-c", command], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

const invoke = (s, cmd, args) =>
  s.exec(
    `return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then((r) => ({ ok: r }), (e) => ({ err: e }));`,
    [cmd, args ?? {}],
  );

const windows = (name) => {
  try {
    return execFileSync("xdotool", ["search", "--onlyvisible", "--name", name], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
  } catch {
    return [];
  }
};

test("the day's notice reaches the notification server once; the focus coming back moves no page", async (t) => {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS || !has("/usr/bin/python3 -c 'import dbus, gi'")) {
    t.skip("no session bus, or no D-Bus for Python (apt-get install python3-dbus python3-gi)");
    return;
  }
  const dir = newDataDir("notifications");
  if (!cliDemo(dir)) {
    t.skip("the CLI is not built: no demo data");
    return;
  }
  // What the notification server receives, as it prints it.
  const server = spawn("/usr/bin/python3", [join(ROOT, "e2e", "notification_server.py")], { stdio: ["ignore", "pipe", "pipe"] });
  let printed = "";
  server.stdout.on("data", (b) => (printed += b.toString()));
  server.stderr.on("data", (b) => (printed += b.toString()));
  try {
    await new Promise((resolve, reject) => {
      const wait = setInterval(() => {
        if (printed.includes("ready")) resolve(clearInterval(wait));
        else if (server.exitCode !== null) reject(new Error(`the notification server stopped: ${printed}`));
      }, 50);
    });
    await withApp(
      t,
      async (s) => {
        await s.find("nav-home");
        await s.waitUntil(() => /summary: '.*договор/.test(printed), {
          timeout: 15_000,
          message: `the notification server got the day's notice; it printed:\n${printed}`,
        });
        t.diagnostic(printed.split("\n").filter((l) => /summary|body|appname/.test(l)).join("\n"));
        assert.match(printed, /appname: '.*'/);
        assert.match(printed, /body: 'Договоры: № [^']*—/);
        // Taken today: the app's hourly check and a restart stay silent.
        assert.deepEqual(await invoke(s, "notifications_take"), { ok: null });

        // Shown while the window had the focus: leaving it and coming back keeps the page.
        await s.clickId("nav-partners");
        await s.find("partner-row");
        const other = spawn("xmessage", ["-title", "Другая программа", "-geometry", "+40+40", "Окно другой программы"], {
          stdio: "ignore",
        });
        try {
          const id = await s.waitUntil(() => windows("^Другая программа$")[0], { message: "xmessage's window" });
          execFileSync("xdotool", ["windowraise", id, "windowfocus", "--sync", id]);
          await s.waitUntil(() => s.exec(`return !document.hasFocus();`), { message: "the app's window lost the focus" });
          const app = windows("^Сетевое взаимодействие$")[0];
          assert.ok(app, "the app's window is found");
          execFileSync("xdotool", ["windowraise", app, "windowfocus", "--sync", app]);
          await s.waitUntil(() => s.exec(`return document.hasFocus();`), { message: "the app's window got the focus back" });
          await new Promise((r) => setTimeout(r, 500));
          assert.equal(
            await s.exec(`return document.querySelector('[data-testid="nav-partners"]').getAttribute("aria-current");`),
            "page",
            "the page stays «Партнёры»",
          );
          await s.screenshot(join(OUT, "notifications-after-focus.png"));
        } finally {
          other.kill();
        }
      },
      { dataDir: dir },
    );
  } finally {
    server.kill();
  }
});
