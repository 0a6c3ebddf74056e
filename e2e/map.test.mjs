// «Карта сети» on the demo: the map is drawn (Cytoscape on a canvas, under
// the app's CSP and frozen prototype), a type filter leaves that type and the
// institution, the search highlights, a real mouse click on a node opens its
// card beside the map (Esc closes it), «Сохранить PNG» and «Сохранить PDF»
// go through the native save dialog and write real files. Saves the
// screenshots build/e2e/map.png (1280×800), map-card.png, map-narrow.png
// (1024×640).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, newDataDir, OUT, withApp } from "./harness.mjs";
import { Keys, ref } from "./webdriver.mjs";
import { answerSave } from "./xdialog.mjs";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The graph as drawn: node ids with their partner type, edges, the canvas's rectangle. */
const graph = (s) =>
  s.exec(`
    const cy = window.__partnernetMap;
    if (!cy) return null;
    const r = document.querySelector('[data-testid="map-canvas"]').getBoundingClientRect();
    return {
      nodes: cy.nodes().map((n) => ({ id: n.id(), type: n.data("type"), name: n.data("name"), d: n.data("d"),
        pos: n.renderedPosition(), visible: n.visible() })),
      edges: cy.edges().length,
      dashed: cy.edges(".tie").length,
      rect: { left: r.left, top: r.top, width: r.width, height: r.height },
      dim: cy.nodes(".dim").length,
      hit: cy.nodes(".hit").map((n) => n.id()),
    };`);

/** Waits for fonts and for the toasts to go, so a screenshot shows the page itself. */
async function settle(s) {
  await s.exec(`return document.fonts ? document.fonts.ready.then(() => true) : true;`).catch(() => {});
  await s
    .waitUntil(async () => (await s.$$('[data-testid="toast"]')).length === 0, { timeout: 12000, message: "toasts go away" })
    .catch(() => {});
}

/** Clicks the option of an open filter dropdown by its text. */
async function chooseOption(s, text) {
  for (const el of await s.$$(".ms-option")) {
    if ((await s.text(el)).trim() === text) return s.click(el);
  }
  throw new Error(`no filter option «${text}»`);
}

/** A real mouse click at a point of the page (viewport coordinates). */
async function clickAt(s, x, y) {
  await s.cmd("POST", "/actions", {
    actions: [
      {
        type: "pointer",
        id: "mouse",
        parameters: { pointerType: "mouse" },
        actions: [
          { type: "pointerMove", origin: "viewport", x: Math.round(x), y: Math.round(y), duration: 0 },
          { type: "pointerMove", origin: "viewport", x: Math.round(x) + 1, y: Math.round(y), duration: 50 },
          { type: "pointerDown", button: 0 },
          { type: "pause", duration: 60 },
          { type: "pointerUp", button: 0 },
        ],
      },
    ],
  });
  await s.cmd("DELETE", "/actions").catch(() => {});
}

test("«Карта сети»: the demo's map, a type filter, the search, a node's card, PNG and PDF", async (t) => {
  const dir = newDataDir("map");
  const viaCli = cliDemo(dir);
  const out = mkdtempSync(join(tmpdir(), "partnernet-e2e-map-out-"));

  await withApp(
    t,
    async (s) => {
      if (!viaCli) await s.clickId("demo-fill");
      await s.exec(`window.__partnernetTest = true;`);
      await s.clickId("nav-map");
      await s.find("map-page");
      await s.findCss('[data-testid="map-canvas"][data-ready="true"]', { timeout: 20000 });

      // The whole demo network: the institution and partners of several types, edges of both kinds.
      const all = await s.waitUntil(async () => {
        const g = await graph(s);
        return g && g.nodes.length > 5 ? g : null;
      }, { message: "the map has its nodes" });
      const dataNodes = Number(await s.attr(await s.find("map-canvas"), "data-nodes"));
      assert.equal(all.nodes.length, dataNodes, "the canvas draws every node of the core's map");
      assert.ok(all.nodes.some((n) => n.id === "i" && n.type === ""), "the institution is on the map");
      assert.ok(all.edges > 0, "the map has edges");
      const inside = all.nodes.filter(
        (n) => n.pos.x >= 0 && n.pos.y >= 0 && n.pos.x <= all.rect.width && n.pos.y <= all.rect.height,
      );
      assert.equal(inside.length, all.nodes.length, "the whole map is in view at first");
      const byType = new Map();
      for (const n of all.nodes) if (n.type) byType.set(n.type, (byType.get(n.type) ?? 0) + 1);
      assert.ok(byType.size >= 3, `partners of several types: ${JSON.stringify([...byType])}`);
      const legend = await s.$$('[data-testid="map-legend-type"]');
      assert.equal(legend.length, 9, "the legend has the nine types");
      t.diagnostic(`map: ${all.nodes.length} nodes, ${all.edges} edges (${all.dashed} ties only), types ${JSON.stringify([...byType])}`);

      await settle(s);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "map-overview.png"))}`);

      // Hover: the tooltip names the organisation and its counts.
      const big = all.nodes.filter((n) => n.type).sort((a, b) => b.d - a.d)[0];
      await s.cmd("POST", "/actions", {
        actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [
          { type: "pointerMove", origin: "viewport", x: Math.round(all.rect.left + big.pos.x), y: Math.round(all.rect.top + big.pos.y), duration: 0 },
          { type: "pointerMove", origin: "viewport", x: Math.round(all.rect.left + big.pos.x) + 1, y: Math.round(all.rect.top + big.pos.y), duration: 60 },
        ] }],
      });
      const tip = await s.waitText("map-tooltip", /За период: \d+ меропри/);
      assert.ok(tip.includes(big.name), `the tooltip names «${big.name}»: ${tip}`);
      await s.cmd("DELETE", "/actions").catch(() => {});

      await settle(s);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "map.png"))}`);

      // A type filter: that type and the institution only.
      const [type, n] = [...byType].sort((a, b) => b[1] - a[1])[0];
      const typeLabel = await s.exec(
        `return document.querySelector('[data-testid="map-legend-type"][data-type="' + arguments[0] + '"]').title;`,
        [type],
      );
      await s.clickId("map-filter-type");
      await chooseOption(s, typeLabel);
      await s.clickId("map-page"); // closes the dropdown
      const filtered = await s.waitUntil(async () => {
        const g = await graph(s);
        return g && g.nodes.length === n + 1 ? g : null;
      }, { message: `the map shrinks to ${n} partners of «${typeLabel}» and the institution` });
      assert.ok(filtered.nodes.every((x) => x.id === "i" || x.type === type), "only that type is left");
      await s.clickId("map-filters-reset");
      await s.waitUntil(async () => (await graph(s))?.nodes.length === all.nodes.length, { message: "the filter is reset" });

      // «Требуют внимания»: the flagged partners ringed, the rest dimmed.
      const flagged = Number((await s.waitText("map-attention", /\d/)).replace(/\D/g, ""));
      await s.clickId("map-attention");
      await s.waitUntil(async () => (await s.exec(`return window.__partnernetMap.nodes(".warn").length`)) === flagged, {
        message: `${flagged} flagged partners are ringed`,
      });
      await settle(s);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "map-attention.png"))}`);
      await s.clickId("map-attention");
      await s.waitUntil(async () => (await s.exec(`return window.__partnernetMap.nodes(".warn, .dim").length`)) === 0, {
        message: "the rings go when it is off",
      });

      // The search highlights (case and ё folded) and dims the rest.
      const target = all.nodes.filter((x) => x.type).sort((a, b) => b.d - a.d)[0];
      const word = target.name.split(/\s+/).find((w) => w.length >= 4) ?? target.name;
      await s.fill("map-search", word.toUpperCase());
      const searched = await s.waitUntil(async () => {
        const g = await graph(s);
        return g && g.hit.includes(target.id) ? g : null;
      }, { message: `the search for «${word}» highlights «${target.name}»` });
      assert.ok(searched.dim > 0 && searched.dim < all.nodes.length, "the others are dimmed");
      await s.waitText("map-hits", /Найдено: \d+/);
      await s.press(Keys.ESCAPE); // the search box empties itself

      // A real click on a node: its card beside the map, with its name; the canvas narrows.
      await s.waitUntil(async () => (await graph(s))?.dim === 0, { message: "the search is cleared" });
      const before = await graph(s);
      const node = before.nodes.find((x) => x.id === target.id);
      await clickAt(s, before.rect.left + node.pos.x, before.rect.top + node.pos.y);
      await s.find("map-card");
      const title = await s.waitText("map-card-title", (x) => x.trim().length > 0);
      assert.ok(title.includes(target.name) || target.name.includes(title.trim()), `the card of «${target.name}»: «${title}»`);
      await s.waitText("map-card-events", /\d/);
      const narrowed = await graph(s);
      assert.ok(narrowed.rect.width < before.rect.width - 200, "the card takes its place beside the map");
      await settle(s);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "map-card.png"))}`);

      // Esc closes the card.
      await s.exec(`document.activeElement?.blur();`);
      await s.press(Keys.ESCAPE);
      await s.gone("map-card");

      // The institution at the centre: its own short card, the way to its profile.
      const centre = (await graph(s)).nodes.find((x) => x.id === "i");
      const g0 = await graph(s);
      await clickAt(s, g0.rect.left + centre.pos.x, g0.rect.top + centre.pos.y);
      await s.find("map-card-institution");
      await s.waitText("map-card", /Наше учреждение/);
      await s.clickId("map-card"); // a click on the card keeps it
      await s.exec(`document.activeElement?.blur();`);
      await s.press(Keys.ESCAPE);
      await s.gone("map-card");

      // «Сохранить PNG»: the native dialog, the canvas's bytes written by the core.
      const png = join(out, "map.png"); // typed by xdotool: ASCII only
      await s.clickId("map-export-png");
      await answerSave("Сохранить карту сети", png);
      await s.waitText("toast", "Карта сети сохранена в PNG");
      const toastText = await s.waitText("toast", "Открыть файл");
      assert.ok(toastText.includes(png), `the toast says where: ${toastText}`);
      const bytes = readFileSync(png);
      assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE, "the file is a PNG");
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      assert.ok(width >= 600 && height >= 400, `the PNG is large enough to print: ${width}×${height}`);
      t.diagnostic(`PNG ${width}×${height}, ${bytes.length} bytes`);

      // «Сохранить PDF»: the core draws the page.
      const pdf = join(out, "map.pdf");
      await s.clickId("map-export-pdf");
      await answerSave("Сохранить карту сети", pdf);
      await s.waitText("toast", "Карта сети сохранена в PDF");
      assert.ok(existsSync(pdf), "the PDF is written");
      assert.equal(readFileSync(pdf).subarray(0, 5).toString(), "%PDF-");
      try {
        const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
        assert.match(text, /[Кк]арта сети/, "the PDF page has its title");
      } catch (e) {
        if (e.code !== "ENOENT") throw e;
        t.diagnostic("pdftotext not installed: the PDF's text is not read back");
      }

      // Ctrl+F goes to the map's search.
      await s.clickId("map-page");
      await s.press(Keys.CONTROL, "f");
      await s.waitUntil(async () => (await s.activeTestId()) === "map-search", { message: "Ctrl+F focuses the map's search" });
      await s.exec(`document.activeElement?.blur();`);

      // The period: the previous school year, then any dates; a reversed range is refused in Russian.
      const periodOf = async () => s.attr(await s.find("map-count"), "title");
      const now = await periodOf();
      const year = Number(/01\.09\.(\d{4})/.exec(now)?.[1]);
      assert.ok(year > 2000, `the current school year's period: ${now}`);
      await s.select("map-period", String(year - 1));
      await s.waitUntil(async () => (await periodOf()).includes(`01.09.${year - 1} – 31.08.${year}`), {
        message: "the previous school year is shown",
      });
      await s.select("map-period", "custom");
      await s.fill("map-from", `01.10.${year}`);
      await s.fill("map-to", `01.09.${year}`);
      await s.clickId("map-period-apply");
      await s.waitText("map-period-error", "позже");
      await s.fill("map-to", `31.12.${year}`);
      await s.clickId("map-period-apply");
      await s.gone("map-period-error");
      await s.waitUntil(async () => (await periodOf()).includes(`01.10.${year} – 31.12.${year}`), {
        message: "the chosen dates are shown",
      });
      // The core's refusal (a period over ten years) is shown in Russian instead of the map.
      await s.fill("map-from", "01.01.2000");
      await s.clickId("map-period-apply");
      const refusal = await s.waitText("map-error", /десяти лет/);
      assert.match(refusal, /01\.01\.2000/, `the core says which period: ${refusal}`);
      await s.select("map-period", String(year));
      await s.gone("map-error");
      await s.findCss('[data-testid="map-canvas"][data-ready="true"]');
      await s.waitUntil(async () => (await periodOf()) === now, { message: "back to the current school year" });

      // At the smallest window the toolbar wraps and the map still fills the rest.
      const resized = await s
        .cmd("POST", "/window/rect", { width: 1024, height: 640 })
        .then(() => true)
        .catch((e) => {
          t.diagnostic(`window not resized: ${e.message}`);
          return false;
        });
      if (resized) {
        await s.waitUntil(async () => (await s.exec(`return window.innerWidth;`)) <= 1100, { message: "the window becomes narrow" });
        const g = await s.waitUntil(async () => {
          const x = await graph(s);
          return x && x.rect.height > 250 ? x : null;
        }, { message: "the canvas keeps a usable height at 1024×640" });
        const overflow = await s.exec(`const p = document.querySelector('[data-testid="map-page"]'); return p.scrollWidth - p.clientWidth;`);
        assert.ok(overflow <= 0, `nothing sticks out sideways at 1024 px (by ${overflow} px)`);
        // A flagged partner's card explains its flags in Russian.
        const flaggedId = await s.exec(`return window.__partnernetMap.nodes(".flagged").sort((a, b) => b.data("d") - a.data("d"))[0]?.id() ?? null`);
        assert.ok(flaggedId, "the demo has a flagged partner on the map");
        const small = g.nodes.find((x) => x.id === flaggedId);
        await clickAt(s, g.rect.left + small.pos.x, g.rect.top + small.pos.y);
        await s.findCss(`[data-testid="map-card"][data-key="${flaggedId}"]`);
        const flags = await s.waitText("map-card-flags", /[а-яё]{4,}/i);
        t.diagnostic(`flags on the card: ${flags.replace(/\s+/g, " ")}`);
        await settle(s);
        t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "map-narrow.png"))}`);
      }
    },
    { dataDir: dir },
  );
});

test("«Карта сети» on an empty registry says how the map fills", async (t) => {
  await withApp(t, async (s) => {
    await s.clickId("start-empty");
    await s.clickId("nav-map");
    const page = await s.find("map-page");
    await s.waitUntil(async () => /На карте пока только ваше учреждение/.test(await s.text(page)), {
      message: "the empty state is shown",
    });
    assert.equal((await s.$$('[data-testid="map-canvas"]')).length, 0, "no empty canvas");
    const png = await s.find("map-export-png");
    assert.equal(await s.prop(png, "disabled"), true, "nothing to save yet");
  });
});
