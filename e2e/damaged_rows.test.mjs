// A stored row damaged by hand (issue 13 §2) in the real window: a copy of
// the demo with two partners and an event broken by SQL opens, the lists
// show the rest, a quiet notice says «3 записи повреждены и не показаны»,
// and its «Проверить данные» opens Настройки → Данные with each row named.
// Saves build/e2e/damaged-notice.png, damaged-check.png and, at 1024×640,
// damaged-notice-narrow.png.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, cliPartnerCount, newDataDir, OUT, withApp } from "./harness.mjs";

/** Breaks two partners (a date that does not exist, an unknown type) and an event. */
function damage(dir) {
  execFileSync("sqlite3", [
    join(dir, "partnernet.sqlite3"),
    `PRAGMA ignore_check_constraints = ON;
     UPDATE partners SET stage_reached_on = '2026-02-31' WHERE id = 2;
     UPDATE partners SET partner_type = 'нечто' WHERE id = 3;
     UPDATE events SET starts_at = 'x' WHERE id = (SELECT max(id) FROM events);`,
  ]);
}

async function resize(s, width, height) {
  await s.cmd("POST", "/window/rect", { width, height });
  await s.waitUntil(async () => (await s.exec(`return window.innerWidth;`)) <= width + 10, { message: `the window is ${width} px wide` });
}

test("damaged rows: the lists show the rest, a notice counts them, the check names them", async (t) => {
  const dir = newDataDir("damaged");
  if (!cliDemo(dir)) {
    t.skip("the CLI is not built: the demo copy cannot be prepared");
    return;
  }
  const total = cliPartnerCount(dir);
  damage(dir);
  await withApp(
    t,
    async (s) => {
      // At 1024×640 the notice fits on its line with its button.
      await resize(s, 1024, 640);
      await s.find("damaged-notice");
      const fits = await s.exec(
        `const n = document.querySelector('[data-testid="damaged-notice"]');
         const b = n.querySelector('[data-testid="damaged-check"]').getBoundingClientRect();
         return b.right <= n.getBoundingClientRect().right && n.scrollWidth <= n.clientWidth + 1;`,
      );
      assert.ok(fits, "the notice and its button fit at 1024 px");
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "damaged-notice-narrow.png"))}`);

      await resize(s, 1280, 800);
      const notice = await s.find("damaged-notice");
      assert.equal((await s.text(await s.find("damaged-count"))).trim(), "3 записи повреждены и не показаны.");
      assert.match(await s.text(notice), /Настройки → Данные → Проверить данные/);

      // «Партнёры»: the rest of the registry.
      await s.clickId("nav-partners");
      await s.waitUntil(async () => (await s.$$('[data-testid="partner-row"]')).length > 0, { message: "the partner list is shown" });
      const shown = await s.waitUntil(
        async () => {
          const text = await s.exec(`return document.querySelector('[data-testid="partners-count"]')?.textContent ?? "";`);
          const n = Number((text.match(/\d+/) ?? [""])[0]);
          return n ? n : null;
        },
        { message: "the list counts its partners" },
      );
      assert.equal(shown, total - 2, "every partner but the two damaged");
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "damaged-notice.png"))}`);

      // «Проверить данные» in the notice: Настройки → Данные, each row named.
      await s.clickId("damaged-check");
      await s.find("data-check");
      await s.waitUntil(async () => (await s.$$('[data-testid="data-check-row"]')).length === 3, { message: "the three rows are listed" });
      const result = await s.text(await s.find("data-check-result"));
      assert.match(result, /партнёры — 2, мероприятия — 1/);
      assert.match(result, /тип партнёра \(partner_type\): неизвестное значение «нечто»/);
      assert.match(result, /stage_reached_on/);
      const kinds = await s.exec(`return [...document.querySelectorAll('[data-testid="data-check-row"]')].map((r) => r.dataset.kind + ":" + r.dataset.id);`);
      assert.deepEqual(kinds.slice(0, 2), ["partner:2", "partner:3"]);
      await s.gone("damaged-notice");
      await s.exec(`document.querySelector('[data-testid="data-check"]').scrollIntoView({ block: "start" }); return true;`);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "damaged-check.png"))}`);
    },
    { dataDir: dir },
  );
});
