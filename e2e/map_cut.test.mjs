// «Карта сети» when the registry is larger than a map can show (issue 13 §3):
// the demo and 180 more partners without activity. The map shows the 150
// most active and says so; «Показывать: всех» draws them all (the note
// goes); a partner found with the search-as-you-type picker is put on the
// map with its neighbours and its card opens. Saves build/e2e/map-cut.png
// (1280×800), map-cut-focus.png and map-cut-narrow.png (1024×640).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, cliDemo, newDataDir, OUT, withApp } from "./harness.mjs";

const EXTRA = 180;

/** The canvas's node count once drawn and not reloading. */
const drawn = (s) =>
  s.exec(`
    const c = document.querySelector('[data-testid="map-canvas"][data-ready="true"]');
    if (!c || document.querySelector('[data-testid="map-page"] [aria-busy="true"]')) return null;
    return Number(c.dataset.nodes);`);

/** The names of the partners drawn. */
const names = (s) => s.exec(`return window.__partnernetMap.nodes().filter((n) => n.data("type") !== "").map((n) => n.data("name"));`);

test("«Карта сети» at more than 150 partners: the most active, the note, «всех», a partner found and shown", async (t) => {
  const dir = newDataDir("map-cut");
  if (!cliDemo(dir)) {
    t.skip("the CLI is not built: it prepares the data folder");
    return;
  }
  const csv = join(dir, "extra.csv");
  writeFileSync(csv, ["Наименование;Тип", ...Array.from({ length: EXTRA }, (_, i) => `Кружок № ${i + 1};Творческий союз`)].join("\n") + "\n");
  execFileSync(CLI, ["--data-dir", dir, "partners", "import", csv], { stdio: ["ignore", "pipe", "pipe"] });
  // The whole network as the CLI sees it: who has any activity this year.
  const whole = JSON.parse(execFileSync(CLI, ["--data-dir", dir, "network", "--json"], { encoding: "utf8", maxBuffer: 64 << 20 })).map;
  const active = whole.nodes.filter((n) => n.partner_id !== null && n.events + n.agreements > 0).map((n) => n.name);
  const total = whole.nodes.length - 1;
  assert.ok(total > 150, `more partners than the map shows: ${total}`);

  await withApp(
    t,
    async (s) => {
      await s.exec(`window.__partnernetTest = true;`);
      await s.clickId("nav-map");
      await s.waitUntil(async () => (await drawn(s)) === 151, { timeout: 30000, message: "the map draws the institution and 150 partners" });
      const note = await s.waitText("map-cut-note", /Показаны 150 самых активных партнёров из/);
      assert.ok(note.includes(`из ${total}.`) && note.endsWith("Уточните фильтры или найдите партнёра."), note);
      const shown = await names(s);
      for (const name of active) assert.ok(shown.includes(name), `the active «${name}» is on the map`);
      assert.equal(await s.exec(`return document.querySelector('[data-testid="map-limit"]').value;`), "150");
      await s.exec(`return document.fonts ? document.fonts.ready.then(() => true) : true;`).catch(() => {});
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "map-cut.png"))}`);

      // «Всех»: every partner; nothing is left out, so nothing is said.
      await s.select("map-limit", "all");
      await s.waitUntil(async () => (await drawn(s)) === total + 1, { timeout: 30000, message: "every partner drawn" });
      assert.equal((await s.$$('[data-testid="map-cut-note"]')).length, 0, "no note when nobody is left out");
      await s.select("map-limit", "150");
      await s.waitUntil(async () => (await drawn(s)) === 151, { timeout: 30000, message: "back to 150" });

      // A partner the cut left out, found by typing, is put on the map and opened.
      const left = Array.from({ length: EXTRA }, (_, i) => `Кружок № ${i + 1}`).filter((n) => !shown.includes(n));
      assert.ok(left.length > 0, "some «Кружок» is left out");
      const wanted = left.at(-1);
      const picker = await s.find("map-focus");
      await s.click(picker);
      await s.type(picker, wanted);
      await s.waitUntil(async () => {
        for (const el of await s.$$('[data-testid="map-focus-option"]')) if ((await s.text(el)).includes(wanted)) return el;
        return null;
      }, { message: `«${wanted}» offered` }).then((el) => s.click(el));
      await s.waitText("map-card-title", wanted);
      await s.waitUntil(async () => (await drawn(s)) === 152, { timeout: 30000, message: "the focused partner added" });
      assert.ok((await names(s)).includes(wanted), "the partner is on the map");
      const open = await s.exec(`return window.__partnernetMap.nodes(".open").map((n) => n.data("name"));`);
      assert.deepEqual(open, [wanted], "and selected");
      const focusNote = await s.waitText("map-cut-note", /а также/);
      assert.ok(focusNote.includes(`«${wanted}»`), focusNote);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "map-cut-focus.png"))}`);

      const resized = await s.cmd("POST", "/window/rect", { width: 1024, height: 640 }).then(() => true, () => false);
      if (resized) {
        await s.waitUntil(async () => (await s.exec(`return window.innerWidth;`)) <= 1100, { message: "the window becomes narrow" });
        const overflow = await s.exec(`const p = document.querySelector('[data-testid="map-page"]'); return p.scrollWidth - p.clientWidth;`);
        assert.ok(overflow <= 0, `nothing sticks out sideways at 1024 px (by ${overflow} px)`);
        const h = await s.exec(`return document.querySelector('[data-testid="map-canvas"]').getBoundingClientRect().height;`);
        assert.ok(h > 250, `the canvas keeps a usable height at 1024×640: ${h}`);
        await new Promise((r) => setTimeout(r, 500));
        t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "map-cut-narrow.png"))}`);
      }
      // «Сбросить» forgets the partner asked for.
      await s.clickId("map-filters-reset");
      await s.waitUntil(async () => (await drawn(s)) === 151, { timeout: 30000, message: "the focus forgotten" });
    },
    { dataDir: dir },
  );
});
