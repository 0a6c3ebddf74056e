// The year's charts and analytical report (issue 11 §5, §6) in the real
// window, on the demo: «Главная» draws the current school year's charts (a
// canvas with pixels on it), a bar of the events chart opens the calendar at
// its month filtered by its form, a bar of «Договоры по статусам» opens the
// agreements filtered by that status; «Отчёты» → «Аналитическая справка»
// draws the same charts, keeps a sentence typed into «Выводы» (saved after a
// pause, still there after another year), its PDF preview shows pages, and
// the PDF exported through the command with a path holds the sentence and
// the section titles (`pdftotext`), the DOCX the sentence, an XLSX is written; «Скачать PDF» goes through the real save
// dialog (xdialog.mjs) to a toast whose «Открыть файл» hands the file on. Screenshots at 1280×800 and 1024×640:
// build/e2e/annual-home*.png, annual-report*.png.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, newDataDir, OUT, withApp } from "./harness.mjs";
import { ref } from "./webdriver.mjs";
import { answerSave, clearOpened, openedFiles } from "./xdialog.mjs";

const SENTENCE = "Сеть выросла за счёт учреждений культуры, наставничество стоит продолжить";

const invoke = (s, cmd, args) =>
  s.exec(
    `return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
       .then((r) => ({ ok: r }), (e) => ({ err: e }));`,
    [cmd, args],
  );

/** How many pixels of the chart's canvas are painted (not transparent, not white). */
const painted = (s, testid) =>
  s.exec(
    `const c = document.querySelector(arguments[0] + " canvas");
     if (!c || !c.width || !c.height) return 0;
     const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
     let n = 0;
     for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
     return n;`,
    [`[data-testid="${testid}"]`],
  );

/**
 * A point on a coloured bar of the chart, relative to the canvas's centre
 * in CSS pixels (a WebDriver pointer origin), or null.
 */
const barPoint = (s, testid) =>
  s.exec(
    `const c = document.querySelector(arguments[0] + " canvas");
     const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
     const k = c.width / c.getBoundingClientRect().width;
     for (let y = Math.floor(c.height * 0.85); y > c.height * 0.2; y -= 2)
       for (let x = 0; x < c.width; x += 2) {
         const i = (y * c.width + x) * 4;
         const [r, g, b, a] = [d[i], d[i + 1], d[i + 2], d[i + 3]];
         if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 60)
           return { x: Math.round((x - c.width / 2) / k), y: Math.round((y - c.height / 2) / k) };
       }
     return null;`,
    [`[data-testid="${testid}"]`],
  );

async function clickAt(s, el, x, y) {
  await s.cmd("POST", "/actions", {
    actions: [
      {
        type: "pointer",
        id: "mouse",
        parameters: { pointerType: "mouse" },
        actions: [
          { type: "pointerMove", origin: ref(el), x, y, duration: 0 },
          { type: "pointerDown", button: 0 },
          { type: "pause", duration: 60 },
          { type: "pointerUp", button: 0 },
        ],
      },
    ],
  });
  await s.cmd("DELETE", "/actions").catch(() => {});
}

/** Waits for fonts and for the toasts to go, so a screenshot shows the page itself. */
async function settle(s) {
  await s.exec(`return document.fonts ? document.fonts.ready.then(() => true) : true;`).catch(() => {});
  await s
    .waitUntil(async () => (await s.$$('[data-testid="toast"]')).length === 0, { timeout: 8000, message: "toasts go away" })
    .catch(() => {});
}

const scrollTo = (s, testid) =>
  s.exec(`document.querySelector(arguments[0])?.scrollIntoView({ block: "start" }); return true;`, [`[data-testid="${testid}"]`]);

/** Horizontal overflow of the page body (px; ≤ 0 when it fits). */
const overflow = (s) =>
  s.exec(`const b = document.querySelector(".page-body"); return b ? b.scrollWidth - b.clientWidth : -1;`);

async function shotHome(s, name) {
  await s.clickId("nav-home");
  await s.find("home-charts");
  await s.waitUntil(async () => (await painted(s, "chart-events-canvas")) > 200, { message: "Главная: the events chart is drawn" });
  await scrollTo(s, "home-charts");
  await settle(s);
  await s.screenshot(join(OUT, name));
}

async function openReport(s) {
  await s.clickId("nav-reports");
  await s.clickId("reports-part-annual");
  await s.clickId("annual-view-charts");
  await s.waitText("annual-title", /Аналитическая справка о сетевом взаимодействии за \d{4}\/\d{4} учебный год/);
  await s.waitUntil(async () => (await painted(s, "chart-events-canvas")) > 200, { message: "Отчёты: the events chart is drawn" });
}

test("the year's charts and analytical report: Главная, a bar's list, «Выводы», the PDF read back", async (t) => {
  const dir = newDataDir("annual");
  const viaCli = cliDemo(dir);
  const pdfPath = join(dir, "Аналитическая справка.pdf");
  const dialogPath = join(dir, "annual-dialog.pdf"); // typed by xdotool: ASCII only

  await withApp(
    t,
    async (s) => {
      if (!viaCli) await s.clickId("demo-fill");

      // «Главная»: the current school year's charts, drawn — under Tauri's frozen Object.prototype.
      assert.equal(await s.exec(`return Object.isFrozen(Object.prototype);`), true, "freezePrototype is on in the window");
      await s.find("home-charts");
      for (const id of ["chart-events-canvas", "chart-participants-canvas", "chart-partners-canvas", "chart-agreements-canvas"]) {
        const n = await s.waitUntil(async () => {
          const p = await painted(s, id);
          return p > 200 ? p : null;
        }, { message: `Главная: ${id} is drawn` });
        t.diagnostic(`${id}: ${n} painted pixels`);
      }
      await shotHome(s, "annual-home.png");

      // The partners chart switches to stages: the same chart updated in place (what broke FullCalendar).
      const byType = await painted(s, "chart-partners-canvas");
      await s.clickId("chart-partners-stage");
      await s.waitUntil(async () => {
        const p = await painted(s, "chart-partners-canvas");
        return p > 200 && p !== byType;
      }, { message: "the partners chart redraws by stage" });
      await s.clickId("chart-partners-type");

      // A bar of «Мероприятия по месяцам и формам» opens the calendar at that month, filtered by that form.
      await scrollTo(s, "chart-events");
      const eventsCanvas = await s.findCss('[data-testid="chart-events-canvas"] canvas');
      const seg = await barPoint(s, "chart-events-canvas");
      assert.ok(seg, "the events chart has a coloured bar");
      await s.cmd("POST", "/actions", {
        actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [{ type: "pointerMove", origin: ref(eventsCanvas), x: seg.x, y: seg.y, duration: 0 }] }],
      });
      await new Promise((r) => setTimeout(r, 300));
      await s.screenshot(join(OUT, "annual-home-tooltip.png"));
      await clickAt(s, eventsCanvas, seg.x, seg.y);
      await s.find("events-page");
      const form = await s.waitText("filter-event-form", (x) => !/все/.test(x));
      const month = await s.waitUntil(async () => s.exec(`return document.querySelector(".fc-toolbar-title")?.innerText ?? null;`), {
        message: "the calendar shows a month",
      });
      assert.match(month, /^[А-Яа-яё]+ \d{4}/, `the calendar shows a month: ${month}`);
      t.diagnostic(`the bar opened the calendar at «${month}», ${form.replace(/\s+/g, " ")}`);
      await s.clickId("nav-home");
      await s.waitUntil(async () => (await painted(s, "chart-agreements-canvas")) > 200, { message: "Главная again" });

      // A bar of «Договоры по статусам» opens the agreements of that status.
      await scrollTo(s, "chart-agreements");
      const canvas = await s.findCss('[data-testid="chart-agreements-canvas"] canvas');
      const at = await barPoint(s, "chart-agreements-canvas");
      assert.ok(at, "the agreements chart has a coloured bar");
      await clickAt(s, canvas, at.x, at.y);
      await s.waitText("agreements-count", "Найдено:");
      const statuses = await s.exec(
        `return [...document.querySelectorAll('[data-testid="agreement-row"] [data-status]')].map((e) => e.dataset.status);`,
      );
      assert.ok(statuses.length >= 1, "the filtered list has agreements");
      assert.equal(new Set(statuses).size, 1, `one status only: ${statuses.join(", ")}`);
      t.diagnostic(`the bar opened ${statuses.length} agreements «${statuses[0]}»`);

      // «Главная» → «Аналитическая справка» opens «Отчёты» at the report of the year.
      await s.clickId("nav-home");
      await s.clickId("home-charts-report");
      await s.find("reports-page");
      await s.waitText("annual-title", /Аналитическая справка о сетевом взаимодействии за \d{4}\/\d{4} учебный год/);
      await s.waitUntil(async () => (await painted(s, "chart-events-canvas")) > 200, { message: "Отчёты: the events chart is drawn" });
      const year = Number(await s.exec(`return document.querySelector('[data-testid="plan-year"]').value;`));
      const figures = await s.text(await s.find("annual-figures"));
      assert.match(figures, /партн/, `the figures name partners: ${figures}`);

      // «Выводы»: typed, saved after a pause.
      await s.fill("annual-conclusions-text", SENTENCE);
      await s.waitText("annual-conclusions-status", "Сохранено", { timeout: 10_000 });
      const stored = await invoke(s, "annual_report_get", { year });
      assert.equal(stored.ok?.conclusions, SENTENCE, "the core keeps the sentence for the year");
      await scrollTo(s, "annual-title");
      await settle(s);
      await s.screenshot(join(OUT, "annual-report.png"));
      await scrollTo(s, "annual-conclusions");
      await s.screenshot(join(OUT, "annual-report-conclusions.png"));

      // Another year has its own (empty) «Выводы»; back, the sentence is there.
      await s.select("plan-year", String(year - 1));
      await s.waitText("annual-title", `${year - 1}/${year}`);
      assert.equal(await s.prop(await s.find("annual-conclusions-text"), "value"), "");
      await s.select("plan-year", String(year));
      await s.waitText("annual-title", `${year}/${year + 1}`);
      await s.waitUntil(async () => (await s.prop(await s.find("annual-conclusions-text"), "value")) === SENTENCE, {
        message: "the sentence is back with its year",
      });

      // The PDF preview draws pages.
      await s.clickId("annual-view-pdf");
      await s.waitUntil(async () => (await s.$$('[data-testid="brochure-page"]')).length >= 1, {
        timeout: 30_000,
        message: "the report's PDF preview shows pages",
      });
      await new Promise((r) => setTimeout(r, 800));
      await s.screenshot(join(OUT, "annual-report-pdf.png"));
      await s.clickId("annual-view-charts");
      await s.waitUntil(async () => (await s.prop(await s.find("annual-conclusions-text"), "value")) === SENTENCE, {
        message: "back from the preview, «Выводы» still hold the sentence",
      });

      // The PDF through the command, read back.
      const written = await invoke(s, "annual_report_export", { year, format: "pdf", path: pdfPath });
      assert.equal(written.ok, pdfPath, `export answered ${JSON.stringify(written)}`);
      assert.equal(readFileSync(pdfPath).subarray(0, 4).toString("latin1"), "%PDF");
      const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
      const flat = text.replace(/-\s*\n\s*/g, "").replace(/[\s\u00ad]+/g, "");
      assert.ok(flat.includes(SENTENCE.replace(/\s+/g, "")), `the PDF has the sentence: …${text.slice(-600)}`);
      assert.ok(flat.includes("Выводы"), "the PDF has the «Выводы» section");
      assert.ok(flat.includes("Общиесведенияосети"), "the PDF has its first section");
      assert.ok(flat.includes(`${year}/${year + 1}`), "the PDF names the school year");

      // DOCX (the sentence in its text) and XLSX through the command.
      const docxPath = join(dir, "Справка.docx");
      const docx = await invoke(s, "annual_report_export", { year, format: "docx", path: docxPath });
      assert.equal(docx.ok, docxPath, `docx answered ${JSON.stringify(docx)}`);
      const xml = execFileSync("unzip", ["-p", docxPath, "word/document.xml"], { encoding: "utf8" });
      const words = xml.replace(/<[^>]+>/g, "").replace(/\s+/g, "");
      assert.ok(words.includes(SENTENCE.replace(/\s+/g, "")), "the DOCX has the sentence");
      const xlsxPath = join(dir, "Справка.xlsx");
      const xlsx = await invoke(s, "annual_report_export", { year, format: "xlsx", path: xlsxPath });
      assert.equal(xlsx.ok, xlsxPath, `xlsx answered ${JSON.stringify(xlsx)}`);
      assert.equal(readFileSync(xlsxPath).subarray(0, 2).toString("latin1"), "PK", "an XLSX was written");

      // «Скачать PDF» through the real save dialog: the toast says where, «Открыть файл» hands it on.
      // Typed just before: the export keeps it first.
      const more = `${SENTENCE}. Второй вывод записан перед самой выгрузкой`;
      await s.fill("annual-conclusions-text", more);
      clearOpened();
      await s.clickId("annual-export-pdf");
      await answerSave("Сохранить аналитическую справку", dialogPath);
      const toast = await s.waitUntil(async () => (await s.texts("toast")).find((x) => x.includes(dialogPath)), {
        message: "a toast names the PDF written",
      });
      assert.match(toast, /Аналитическая справка сохранена в PDF/);
      const viaDialog = execFileSync("pdftotext", [dialogPath, "-"], { encoding: "utf8" }).replace(/-\s*\n\s*/g, "").replace(/[\s\u00ad]+/g, "");
      assert.ok(viaDialog.includes("Второйвыводзаписанпередсамойвыгрузкой"), "the text typed just before the export is in the file");
      await s.clickId("toast-undo");
      await s.waitUntil(() => openedFiles().includes(dialogPath), { message: "«Открыть файл» opens the PDF" });

      // The smallest window: nothing overflows sideways; pictures of both.
      const resized = await s
        .cmd("POST", "/window/rect", { width: 1024, height: 640 })
        .then(() => true)
        .catch((e) => {
          t.diagnostic(`window not resized: ${e.message}`);
          return false;
        });
      if (resized) {
        await s.waitUntil(async () => (await s.exec(`return window.innerWidth;`)) <= 1100, { message: "the window becomes narrow" });
        await openReport(s);
        assert.ok((await overflow(s)) <= 0, `the report fits at 1024 px (by ${await overflow(s)} px)`);
        await scrollTo(s, "annual-title");
        await settle(s);
        await s.screenshot(join(OUT, "annual-report-narrow.png"));
        await shotHome(s, "annual-home-narrow.png");
        assert.ok((await overflow(s)) <= 0, `Главная fits at 1024 px (by ${await overflow(s)} px)`);
      }
    },
    { dataDir: dir },
  );
});
