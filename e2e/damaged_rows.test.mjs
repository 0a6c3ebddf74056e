// A stored row damaged by hand (issue 13 §2) in the real window: a copy of
// the demo with two partners and an event broken by SQL opens, the lists
// show the rest, a quiet notice says «3 записи повреждены и не показаны»,
// and its «Проверить данные» opens Настройки → Данные with each row named.
// An agreement whose party is a damaged partner opens; its signing lists and
// its export says which party does not read (no save dialog), and the party
// followed from it shows
// the message in place of the card, with «Проверить данные».
// Saves build/e2e/damaged-notice.png, damaged-check.png, damaged-party.png,
// damaged-party-signing.png, damaged-party-export.png and, at 1024×640, damaged-notice-narrow.png and
// damaged-party-narrow.png.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, cliPartnerCount, newDataDir, OUT, withApp } from "./harness.mjs";
import { ref } from "./webdriver.mjs";

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
  const party3Agreement = Number(
    execFileSync("sqlite3", [join(dir, "partnernet.sqlite3"), "SELECT agreement_id FROM agreement_parties WHERE partner_id = 3;"])
      .toString()
      .trim(),
  );
  assert.ok(party3Agreement > 0, "the demo has an agreement with partner 3");
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

      // The agreement whose party is partner 3 (its type damaged) opens.
      await s.clickId("nav-agreements");
      const row = await s.findCss(`[data-testid="agreement-row"][data-id="${party3Agreement}"]`, { visible: false });
      await s.exec(`arguments[0].scrollIntoView({ block: "center" }); arguments[0].click(); return true;`, [ref(row)]);
      await s.find("agreement-card");
      const link = await s.waitUntil(
        async () =>
          s.exec(
            `return [...document.querySelectorAll('[data-testid="agreement-card"] .facts button.link')]
               .some((b) => b.textContent.includes("Партнёр № 3 (запись повреждена)"));`,
          ),
        { message: "the party is named as damaged" },
      );
      assert.ok(link);
      // Among what keeps it from signing: the party, by name, and what to do.
      await s.clickId("status-to-on_approval");
      await s.clickId("status-confirm");
      await s.gone("status-confirm");
      await s.clickId("status-to-signed");
      const problems = await s.waitText("signing-problems", (x) => x.includes("Сторона договора"));
      assert.match(problems, /Сторона договора «МБОУ «Лицей»» \(партнёр № 3\) не читается/);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "damaged-party-signing.png"))}`);
      await s.press("\uE00C");
      await s.gone("status-dialog");
      // Its export names the party and what to do; no save dialog opens.
      await s.clickId("agreement-export-pdf");
      const toast = await s.waitUntil(
        async () => (await s.texts("toast")).find((x) => x.includes("Сторона договора")) ?? null,
        { message: "a toast names the damaged party" },
      );
      assert.match(toast, /Сторона договора «МБОУ «Лицей»» \(партнёр № 3\) не читается: запись партнёра повреждена/);
      assert.match(toast, /Проверить данные или выберите в договоре другого партнёра/);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "damaged-party-export.png"))}`);
      // Followed from the agreement, the party's card says what is wrong.
      await s.exec(
        `[...document.querySelectorAll('[data-testid="agreement-card"] .facts button.link')]
           .find((b) => b.textContent.includes("Партнёр № 3")).click(); return true;`,
      );
      await s.find("partner-card");
      await s.waitText("partner-card", (x) =>
        x.includes("Запись партнёра № 3 повреждена и не читается: откройте Настройки → Данные → Проверить данные."),
      );
      assert.match(await s.text(await s.find("partner-card")), /Запись партнёра повреждена/);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "damaged-party.png"))}`);
      await resize(s, 1024, 640);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "damaged-party-narrow.png"))}`);
      await resize(s, 1280, 800);
      // Its «Проверить данные» runs the check.
      await s.clickId("damaged-open-check");
      await s.find("data-check");
      await s.waitUntil(async () => (await s.$$('[data-testid="data-check-row"]')).length === 3, { message: "the check runs" });
    },
    { dataDir: dir },
  );
});
