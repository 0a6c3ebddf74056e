// Starting over in the real window (issue 14 §7), Настройки → Данные →
// «Начать заново»: «Удалить демонстрационные данные» (confirmed; the window
// reloads on an empty database and the welcome screen names the backup),
// then the demo loaded again from the welcome screen and «Начать с пустой
// базы» (confirmed; the welcome screen again, the backup named and listed).
// Screenshots: start-over-panel.png, start-over-confirm.png,
// start-over-demo-removed.png, start-over-empty.png.

import assert from "node:assert/strict";
import { test } from "node:test";
import { join } from "node:path";
import { cliDemo, cliPartnerCount, newDataDir, OUT, withApp } from "./harness.mjs";

const shot = (s, name) => s.screenshot(join(OUT, `start-over-${name}.png`));

const invoke = (s, cmd, args) =>
  s.exec(
    `return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then((r) => ({ ok: r }), (e) => ({ err: e }));`,
    [cmd, args ?? {}],
  );

async function openData(s) {
  await s.clickId("nav-settings");
  await s.clickId("settings-data");
  await s.find("start-over-panel");
}

test("remove the demo, load it again, start from an empty database", async (t) => {
  const dir = newDataDir("start-over");
  if (!cliDemo(dir)) {
    t.skip("the CLI is not built: no demo data");
    return;
  }
  await withApp(
    t,
    async (s) => {
      await s.find("nav-home");
      await openData(s);
      const button = await s.find("demo-remove");
      await s.exec(`arguments[0].scrollIntoView({ block: "center" });`, [{ "element-6066-11e4-a52e-4f735466cecf": button }]);
      assert.match(await s.text(await s.find("start-over-panel")), /26 партнёров, 12 договоров, 65 мероприятий/);
      await shot(s, "panel");
      await s.click(button);
      await s.waitText("confirm-ok", "Удалить демонстрационные данные");
      await shot(s, "confirm");
      await s.clickId("confirm-ok");
      // The window reloads on the emptied database: the welcome screen, and the note naming the backup.
      await s.find("demo-fill", { timeout: 20_000 });
      const note = await s.waitText("toast", /Демонстрационные данные удалены: 26 партнёров.*Резервная копия «partnernet-/s, { timeout: 15_000 });
      t.diagnostic(note);
      await shot(s, "demo-removed");
      assert.equal(cliPartnerCount(dir), 0);

      // The demo again, then «Начать с пустой базы».
      await s.clickId("demo-fill");
      await s.find("nav-home", { timeout: 20_000 });
      await openData(s);
      await s.gone("demo-remove").catch(() => {});
      const start = await s.find("start-over");
      await s.exec(`arguments[0].scrollIntoView({ block: "center" });`, [{ "element-6066-11e4-a52e-4f735466cecf": start }]);
      await s.click(start);
      await s.waitText("confirm-ok", "Очистить базу");
      await s.clickId("confirm-ok");
      await s.find("demo-fill", { timeout: 20_000 });
      const cleared = await s.waitText("toast", /База очищена.*«partnernet-/s, { timeout: 15_000 });
      t.diagnostic(cleared);
      await shot(s, "empty");
      assert.equal(cliPartnerCount(dir), 0);
      const backups = await invoke(s, "backups_list");
      assert.ok(backups.ok, JSON.stringify(backups.err));
      const clear = backups.ok.backups.filter((b) => b.reason === "clear");
      assert.equal(clear.length, 2, "a backup before each");
      assert.ok(clear.some((b) => cleared.includes(b.name)), "the note names the backup");
    },
    { dataDir: dir },
  );
});
