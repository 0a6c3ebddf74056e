// Brochures assembled from the data (issue 11 §7) in the real window, on the
// demo: its brochure's section «Наша сеть сегодня» is filled in from the
// registry and the calendar in the live preview (the pages are drawn), the
// help lists the directives, and an unknown directive typed into the editor
// is shown as «Строка N: …» over the preview, its line marked. Screenshots
// at 1280×800 and 1024×640: build/e2e/brochure-help*.png,
// brochure-directives.png, brochure-directive-error.png.

import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, newDataDir, OUT, withApp } from "./harness.mjs";

/** Sets the editor's text as typing would (an input event). */
const setText = (s, text) =>
  s.exec(
    `const ta = document.querySelector('[data-testid="brochure-editor"]');
     ta.value = arguments[0];
     ta.dispatchEvent(new Event("input", { bubbles: true }));
     return true;`,
    [text],
  );

const editorText = (s) => s.exec(`return document.querySelector('[data-testid="brochure-editor"]').value;`);

/** Pages of the preview that have pixels drawn on them. */
const drawnPages = (s) =>
  s.exec(
    `return [...document.querySelectorAll('[data-testid="brochure-page"]')].filter((c) => c.width > 0).length;`,
  );

test("brochure directives: filled in in the preview, listed in the help, an unknown one refused with its line", async (t) => {
  const dir = newDataDir("brochures");
  const viaCli = cliDemo(dir);
  await withApp(
    t,
    async (s) => {
      if (!viaCli) await s.clickId("demo-fill");
      await s.clickId("nav-documents");
      await s.click(await s.findCss('[data-testid="brochure-row"] td'));
      await s.find("brochure-preview");
      const source = await editorText(s);
      assert.match(source, /^\[\[партнёры тип=.+\]\]$/m, "the demo brochure has a directive");
      assert.match(source, /^\[\[карта\]\]$/m);
      await s.waitText("brochure-page-count", /из \d+|\d+ стр/, { timeout: 30000 });
      await s.waitUntil(async () => (await drawnPages(s)) > 0, { message: "the preview draws pages", timeout: 30000 });

      // The section from the data: scroll the preview to its last pages.
      await s.exec(
        `const p = document.querySelectorAll('[data-testid="brochure-page"]');
         p[Math.max(0, p.length - 2)].scrollIntoView({ block: "start" }); return true;`,
      );
      await s.waitUntil(async () => (await drawnPages(s)) > 1, { message: "the last pages are drawn", timeout: 30000 });
      await s.screenshot(join(OUT, "brochure-directives.png"));

      // The help lists every directive.
      await s.clickId("brochure-help");
      const help = await s.exec(`return document.getElementById("brochure-help").innerText;`);
      for (const d of ["[[партнёры", "[[мероприятия", "[[формы", "[[итоги", "[[карта", "номером строки"]) {
        assert.ok(help.includes(d), `the help lists ${d}`);
      }
      await s.exec(`document.querySelector('#brochure-help h3:last-of-type')?.scrollIntoView({ block: "start" }); return true;`);
      await s.screenshot(join(OUT, "brochure-help.png"));
      await s.cmd("POST", "/window/rect", { width: 1024, height: 640 });
      await s.screenshot(join(OUT, "brochure-help-narrow.png"));
      await s.cmd("POST", "/window/rect", { width: 1280, height: 800 });
      await s.press("\uE00C"); // Escape closes it

      // An unknown directive: «Строка N: …» over the preview, the line marked.
      const lines = source.split("\n");
      const at = lines.findIndex((l) => l.startsWith("[[формы"));
      lines.splice(at, 0, "[[таблица]]", "");
      await setText(s, lines.join("\n"));
      const problem = await s.waitText("brochure-problem", /Строка \d+: неизвестная директива \[\[таблица\]\]/, { timeout: 30000 });
      t.diagnostic(problem);
      const line = await s.exec(`return document.querySelector('[data-testid="brochure-problem"]').dataset.line;`);
      assert.equal(Number(line), at + 1, "the problem points at the directive's line");
      await s.screenshot(join(OUT, "brochure-directive-error.png"));

      // Fixed again: the problem goes.
      await setText(s, source);
      await s.gone("brochure-problem", { timeout: 30000 });
    },
    { dataDir: dir },
  );
});
