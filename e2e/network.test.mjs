// The network's health on the demo: «Главная» shows «Состояние сети» with its
// flags, a dormant flag opens that partner's card; the partners list shows the
// last interaction and «Требуют внимания» narrows it. Saves the screenshots
// build/e2e/network-home.png, network-partners.png (and at 1024×640,
// network-partners-narrow.png).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, count, newDataDir, OUT, withApp } from "./harness.mjs";
import { ref } from "./webdriver.mjs";

/**
 * The demo's partners are entered «today», and a partner entered within the
 * dormant window is not dormant yet: back-date their entry (sqlite3) so the
 * window decides. False when sqlite3 is not installed.
 */
function backdatePartners(dir) {
  try {
    execFileSync("sqlite3", [join(dir, "partnernet.sqlite3"), "UPDATE partners SET created_at = '2025-01-10T09:00:00';"]);
    return true;
  } catch {
    return false;
  }
}

/** The text of the element with this data-testid ("" when there is none). */
const textOf = (s, testid) =>
  s.exec(`return document.querySelector(arguments[0])?.innerText ?? "";`, [`[data-testid="${testid}"]`]);

/** Waits for fonts and for the toasts to go, so a screenshot shows the page itself. */
async function settle(s) {
  await s.exec(`return document.fonts ? document.fonts.ready.then(() => true) : true;`).catch(() => {});
  await s
    .waitUntil(async () => (await s.$$('[data-testid="toast"]')).length === 0, { timeout: 8000, message: "toasts go away" })
    .catch(() => {});
}

test("network health: «Главная» flags, a dormant partner's card, «Требуют внимания»", async (t) => {
  const dir = newDataDir("network");
  const viaCli = cliDemo(dir);
  const backdated = viaCli && backdatePartners(dir);
  if (!backdated) t.diagnostic("partners not back-dated (no CLI or sqlite3): any partner's flag is clicked instead");

  await withApp(
    t,
    async (s) => {
      if (!viaCli) await s.clickId("demo-fill");

      // «Настройки» → «Договоры»: the dormant window, checked by the core, then 1 month
      // (the demo's partners were all active within the default 6 months).
      await s.clickId("nav-settings");
      await s.clickId("settings-agreements");
      await s.fill("settings-dormant-months", "40");
      await s.clickId("network-settings-save");
      const error = await s.waitText("error-dormant-months", /от 1 до 36/);
      assert.match(error, /месяц/, "the core's Russian message");
      await s.fill("settings-dormant-months", "1");
      await s.clickId("network-settings-save");
      await s.gone("error-dormant-months");
      await s.find("agreement-settings");

      await s.clickId("nav-home");
      const block = await s.find("home-network");
      if (backdated) {
        await s.waitUntil(async () => /спит/.test(await textOf(s, "home-network")), {
          message: "a dormant partner is flagged with a 1-month window",
        });
      }
      await s.findCss('[data-testid="network-flag"]');
      const flags = await s.$$('[data-testid="network-flag"]');
      assert.ok(flags.length >= 1, "the demo has at least one flag");
      const text = await s.text(block);
      assert.match(text, /Состояние сети/i);
      assert.match(text, /самых активных партнёр|активный партнёр|совместных мероприятий пока нет/);

      // Every flag explains itself in Russian, as text and as its title.
      for (const f of flags.slice(0, 5)) {
        const title = await s.attr(f, "title");
        assert.match(title ?? "", /[а-яё]/i, "a flag's title is its Russian explanation");
        assert.ok((await s.text(f)).includes(title), "the explanation is also shown as text");
      }

      await s.exec(`document.querySelector('[data-testid="home-network"]')?.scrollIntoView({ block: "start" });`);
      await settle(s);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "network-home.png"))}`);

      // A dormant flag opens that partner's card.
      const dormant = await s.findCss(
        backdated ? '[data-testid="network-flag"][data-kind="dormant"]' : '[data-testid="network-flag"][data-partner-id]:not([data-partner-id=""])',
      );
      const subject = await s.exec(
        `return arguments[0].querySelector(".f-subject")?.innerText ?? "";`,
        [ref(dormant)],
      );
      await s.click(dormant);
      await s.find("partner-card");
      const title = await s.waitText("partner-card-title", (x) => x.trim().length > 0);
      assert.ok(title.includes(subject) || subject.includes(title), `the card of «${subject}» opened: «${title}»`);

      // The partners list: the last interaction column, then «Требуют внимания».
      await s.clickId("nav-partners");
      const all = count(await s.waitText("partners-count", /\d/));
      await s.findCss('[data-testid="partner-last-interaction"]');
      const cells = await s.texts("partner-last-interaction");
      assert.ok(
        cells.some((c) => /\d{2}\.\d{2}\.\d{4}/.test(c)),
        `some partner has a last interaction date: ${JSON.stringify(cells.slice(0, 5))}`,
      );
      await settle(s);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "network-partners.png"))}`);

      await s.clickId("partners-attention-filter");
      const text2 = await s.waitText("partners-count", "Найдено:");
      const flagged = count(text2);
      assert.ok(flagged >= 1 && flagged < all, `«Требуют внимания» narrows ${all} partners: «${text2}»`);
      // The rows on screen are asked as they come into view.
      const rows = await s.waitUntil(async () => {
        const r = await s.$$('[data-testid="partner-row"]');
        return r.length >= 1 ? r : null;
      }, { message: "the flagged partners are listed" });
      assert.ok(rows.length <= flagged, "only the flagged partners are listed");
      const marks = await s.$$('[data-testid="partner-last-interaction"] .mark');
      assert.ok(marks.length >= 1, "flagged rows show their mark");

      // At the smallest window the table still fits (the new column steps aside).
      const resized = await s
        .cmd("POST", "/window/rect", { width: 1024, height: 640 })
        .then(() => true)
        .catch((e) => {
          t.diagnostic(`window not resized: ${e.message}`);
          return false;
        });
      if (resized) {
        await s.waitUntil(async () => (await s.exec(`return window.innerWidth;`)) <= 1100, {
          message: "the window becomes narrow",
        });
        const overflow = await s.exec(
          `const t = document.querySelector(".ptable"); return t ? t.scrollWidth - t.clientWidth : -1;`,
        );
        assert.ok(overflow <= 0, `the table does not overflow at 1024 px (by ${overflow} px)`);
        await settle(s);
        t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "network-partners-narrow.png"))}`);
      }

      // Off again: the whole list is back.
      await s.clickId("partners-attention-filter");
      await s.waitText("partners-count", (x) => count(x) === all);
    },
    { dataDir: dir },
  );
});
