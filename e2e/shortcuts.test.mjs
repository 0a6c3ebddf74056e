// Everyday keys (issue 14 §7) and «Ждут итогов» (§4) in the real window, on
// the demo filled through the CLI: F1 and «?» open the list of shortcuts,
// Esc closes it, the sidebar's «Клавиши» opens it too, «?» typed into a
// search box stays a character; «Ждут итогов» says per event what to
// fill. Screenshots at 1280×800 and
// 1024×640: build/e2e/shortcuts*.png.

import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, newDataDir, OUT, withApp } from "./harness.mjs";
import { Keys } from "./webdriver.mjs";

const F1 = "\uE031";
const shot = (s, name) => s.screenshot(join(OUT, name));

test("F1 and «?» list the shortcuts; «Ждут итогов» says what to fill", async (t) => {
  const dir = newDataDir("shortcuts");
  if (!cliDemo(dir)) {
    t.skip("the CLI is not built");
    return;
  }
  await withApp(
    t,
    async (s) => {
      // «Ждут итогов»: each past event says what it lacks.
      await s.find("home-awaiting");
      const hints = await s.waitUntil(async () => {
        const h = await s.texts("home-awaiting-hint");
        return h.length > 0 ? h : null;
      }, { message: "the events waiting for results say what to fill" });
      for (const h of hints) assert.match(h, /^(Отметьте проведённым и впишите итоги|Проведено — впишите итоги)$/);

      // F1: the list, every row a key and what it does.
      await s.press(F1);
      await s.find("shortcuts-help");
      const rows = await s.texts("shortcut-row");
      assert.ok(rows.length >= 7, `${rows.length} rows`);
      assert.ok(rows.some((r) => r.includes("Ctrl+S") && r.includes("Сохранить")), rows.join("\n"));
      await shot(s, "shortcuts.png");
      await s.cmd("POST", "/window/rect", { width: 1024, height: 640 });
      await shot(s, "shortcuts-narrow.png");
      const fits = await s.exec(
        `const d = document.querySelector('[data-testid="shortcuts-help"]').getBoundingClientRect();
         return d.right <= innerWidth && d.bottom <= innerHeight && d.left >= 0 && d.top >= 0;`,
      );
      assert.ok(fits, "the list fits the window at 1024×640");
      await s.cmd("POST", "/window/rect", { width: 1280, height: 800 });
      await s.press(Keys.ESCAPE);
      await s.gone("shortcuts-help");

      // «?» outside a field opens it; inside the search box it is a character.
      await s.press("?");
      await s.find("shortcuts-help");
      await s.clickId("shortcuts-close");
      await s.gone("shortcuts-help");
      await s.clickId("nav-partners");
      const box = await s.find("partners-search");
      await s.click(box);
      await s.press("?");
      assert.equal(await s.prop(box, "value"), "?", "typed into the box");
      assert.equal((await s.$$('[data-testid="shortcuts-help"][open]')).length, 0);
      await s.fill("partners-search", "");

      // The sidebar's «Клавиши».
      await s.clickId("nav-shortcuts");
      await s.find("shortcuts-help");
      await s.press(Keys.ESCAPE);
      await s.gone("shortcuts-help");
    },
    { dataDir: dir },
  );
});
