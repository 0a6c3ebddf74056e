// The window on a demo-filled data folder: it opens straight on the list,
// shows all the demo partners, Ctrl+F focuses the search box. Saves the
// screenshot of the main window to build/e2e/main-window.png.

import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, cliPartnerCount, count, newDataDir, OUT, withApp } from "./harness.mjs";
import { Keys } from "./webdriver.mjs";

test("demo data: the list, Ctrl+F, the main-window screenshot", async (t) => {
  const dir = newDataDir("demo");
  const viaCli = cliDemo(dir);
  t.diagnostic(viaCli ? "demo written by the partnernet CLI" : "CLI not built: demo filled from the welcome screen");

  await withApp(
    t,
    async (s) => {
      if (!viaCli) await s.clickId("demo-fill");
      // A filled folder opens on «Главная», not on the welcome screen; the partners list is one click away.
      if (viaCli) await s.find("home-reminders");
      await s.clickId("nav-partners");
      const text = await s.waitText("partners-count", /\d/);
      const shown = count(text);
      assert.ok(shown >= 25, `the list should count ≥25 partners: «${text}»`);
      if (viaCli) assert.equal(shown, cliPartnerCount(dir), "the window and the CLI see the same partners");
      assert.ok((await s.$$('[data-testid="partner-row"]')).length >= 10, "rows are rendered");
      assert.equal((await s.$$('[data-testid="demo-fill"]')).length, 0, "no welcome screen on a filled folder");

      // Let fonts and the first toast settle, then the screenshot of the main window.
      await s.exec(`return document.fonts ? document.fonts.ready.then(() => true) : true;`).catch(() => {});
      await s.waitUntil(async () => (await s.$$('[data-testid="toast"]')).length === 0, {
        timeout: 8000,
        message: "toasts go away",
      }).catch(() => {});
      const shot = await s.screenshot(join(OUT, "main-window.png"));
      t.diagnostic(`screenshot: ${shot}`);

      // Ctrl+F from the list (focus on the table) focuses the search box.
      await s.exec(`document.querySelector(".tbody")?.focus();`);
      assert.notEqual(await s.activeTestId(), "partners-search");
      await s.press(Keys.CONTROL, "f");
      await s.waitUntil(async () => (await s.activeTestId()) === "partners-search", {
        message: "Ctrl+F should focus the search box (from the list)",
      });

      // …and from a partner's card it returns to the list with the search box focused.
      const first = (await s.$$('[data-testid="partner-row"]'))[0];
      await s.click(first);
      await s.find("partner-card");
      await s.exec(`document.activeElement?.blur();`);
      await s.press(Keys.CONTROL, "f");
      await s.waitUntil(async () => (await s.activeTestId()) === "partners-search", {
        message: "Ctrl+F should focus the search box (from a card)",
      });
      assert.equal((await s.$$('[data-testid="partner-card"]')).length, 0, "the card was left for the list");

      // Typed text goes into the focused box: search as you type.
      await s.type(await s.active(), "школ");
      await s.waitText("partners-count", "Найдено:");
    },
    { dataDir: dir },
  );
});
