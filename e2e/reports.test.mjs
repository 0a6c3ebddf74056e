// «Отчёты» in the real window (issue 5): on a demo-filled folder, a small
// .ics file is imported (preview, then apply) so the plan has a known event;
// the plan of the current school year shows it in its month; the PDF preview
// draws pages; the plan is exported as PDF and Excel to explicit paths
// through the app's own commands (the native dialogs are driven in
// dialogs.test.mjs) and the PDF is read back with `pdftotext`.
// Настройки → «Мероприятия»: the time zone, a form added and deleted.
// Saves build/e2e/reports.png (the plan table) and step-reports-*.png.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, findPlanRow, newDataDir, OUT, withApp } from "./harness.mjs";
import { clearOpened, openedFiles } from "./xdialog.mjs";

const TITLE = "Круглый стол «Наставничество в сетевом взаимодействии»";
const shot = (s, name) => s.screenshot(join(OUT, name));
const pad = (n) => String(n).padStart(2, "0");

/** A date two weeks ahead, as the .ics wants it and as the plan shows it. */
function soon() {
  const d = new Date(Date.now() + 14 * 86_400_000);
  const y = d.getFullYear();
  const m = d.getMonth() + 1;
  return { ics: `${y}${pad(m)}${pad(d.getDate())}`, ru: `${pad(d.getDate())}.${pad(m)}.${y}`, schoolYear: m >= 9 ? y : y - 1 };
}

function icsFile(day) {
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//e2e//RU",
    "BEGIN:VEVENT",
    "UID:e2e-round-table@example.ru",
    "DTSTAMP:20260901T080000Z",
    `DTSTART;TZID=Europe/Moscow:${day}T140000`,
    `DTEND;TZID=Europe/Moscow:${day}T160000`,
    `SUMMARY:${TITLE}`,
    "LOCATION:Методический кабинет",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}

const invoke = (s, cmd, args) =>
  s.exec(
    `return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
       .then((r) => ({ ok: r }), (e) => ({ err: e }));`,
    [cmd, args],
  );

test("the school-year plan: import from .ics, table, PDF preview, PDF and Excel export; event forms in settings", async (t) => {
  const dir = newDataDir("reports");
  const viaCli = cliDemo(dir);
  const day = soon();
  const icsPath = join(dir, "Календарь партнёра.ics");
  writeFileSync(icsPath, icsFile(day.ics));
  const pdfPath = join(dir, "План.pdf");
  const xlsxPath = join(dir, "План.xlsx");

  await withApp(
    t,
    async (s) => {
      if (!viaCli) await s.clickId("demo-fill");

      // The import: the preview says «add», applying adds it once.
      const preview = await invoke(s, "events_import_preview", { path: icsPath });
      assert.ok(preview.ok, `preview answered ${JSON.stringify(preview)}`);
      assert.equal(preview.ok.preview.items.length, 1);
      assert.equal(preview.ok.preview.items[0].action, "add");
      const report = await invoke(s, "events_import_apply", { path: icsPath });
      assert.equal(report.ok?.added, 1, `apply answered ${JSON.stringify(report)}`);
      const again = await invoke(s, "events_import_preview", { path: icsPath });
      assert.notEqual(again.ok?.preview.items[0].action, "add", "the same UID is not added twice");

      // «Отчёты»: the current school year, the imported event in its month.
      await s.clickId("nav-reports");
      await s.find("reports-page");
      const year = await s.waitUntil(async () => {
        const v = await s.exec(`return document.querySelector('[data-testid="plan-year"]')?.value ?? "";`);
        return v ? Number(v) : null;
      }, { message: "the year selector shows a school year" });
      assert.equal(year, day.schoolYear, "the current school year is chosen");
      await s.waitText("plan-count", /В плане: \d+/);
      const row = await findPlanRow(s, "Наставничество в сетевом");
      const rowText = await s.text(row);
      assert.ok(rowText.includes(day.ru.slice(0, 5)), `the row gives the date ${day.ru}: ${rowText}`);
      const title = await s.text(await s.find("plan-title"));
      assert.match(title, /План сетевого взаимодействия на \d{4}\/\d{4} учебный год/);
      const rows = (await s.$$('[data-testid="plan-row"]')).length;
      const months = (await s.$$('[data-testid="plan-month"]')).length;
      t.diagnostic(`plan ${year}: ${rows} rows in ${months} months`);
      await s.waitUntil(async () => (await s.$$('[data-testid="toast"]')).length === 0, { timeout: 8000 }).catch(() => {});
      await shot(s, "reports.png");

      // The smallest window: the header wraps rather than cutting a button off.
      await s.cmd("POST", "/window/rect", { width: 1024, height: 640 });
      await s.waitUntil(async () => (await s.exec(`return window.innerWidth;`)) <= 1100, { message: "the window becomes narrow" });
      const cut = await s.exec(`const h = document.querySelector('[data-testid="reports-page"] .page-header'); return h.scrollWidth - h.clientWidth;`);
      assert.ok(cut <= 0, `the header of Отчёты fits at 1024 px (by ${cut} px)`);
      await shot(s, "reports-narrow.png");
      await s.cmd("POST", "/window/rect", { width: 1280, height: 800 });

      // The PDF preview draws the plan.
      await s.clickId("plan-view-pdf");
      await s.waitUntil(async () => (await s.$$('[data-testid="brochure-page"]')).length >= 1, {
        timeout: 20_000,
        message: "the plan's PDF preview shows pages",
      });
      await new Promise((r) => setTimeout(r, 800));
      await shot(s, "step-reports-pdf.png");
      await s.clickId("plan-view-table");
      await s.find("plan-table");

      // Another year is empty and says how to fill it.
      await s.select("plan-year", String(year + 1));
      await s.waitText("plan-count", "План пуст");
      await s.find("plan-go-events");
      await s.select("plan-year", String(year));
      await s.find("plan-table");

      // «Подписи»: the approval block and the responsible's signature go into the PDF.
      await s.clickId("plan-signatures");
      await s.find("plan-signatures-dialog");
      await s.fill("field-approver_name", "О.П. Кравец");
      await s.fill("field-responsible_name", "Н.В. Петрова");
      await shot(s, "plan-signatures.png");
      await s.clickId("plan-signatures-save");
      await s.waitUntil(async () => (await s.texts("toast")).some((t) => t.includes("Гриф и подписи сохранены")), {
        message: "the signatures are saved",
      });

      // «Печать»: the plan's PDF goes to the system's viewer.
      clearOpened();
      await s.clickId("plan-print");
      await s.waitUntil(() => openedFiles().some((p) => p.includes("/print/") && p.endsWith(".pdf")), { message: "print did not open the plan's PDF" });

      // Exports to explicit paths.
      const written = await invoke(s, "plan_export", { year, format: "pdf", path: pdfPath });
      assert.equal(written.ok, pdfPath, `export answered ${JSON.stringify(written)}`);
      assert.equal(readFileSync(pdfPath).subarray(0, 4).toString("latin1"), "%PDF");
      const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
      const flat = text.replace(/-\s*\n\s*/g, "").replace(/[\s\u00ad]+/g, "");
      assert.ok(flat.includes("Плансетевоговзаимодействия"), `the PDF has the title: ${text.slice(0, 300)}`);
      assert.ok(flat.includes(`${year}/${year + 1}`), "the PDF names the school year");
      assert.ok(flat.includes("Наставничество"), "the PDF lists the imported event");
      assert.ok(flat.includes("УТВЕРЖДАЮ") && flat.includes("О.П.Кравец"), `the PDF carries the approval block: ${text.slice(0, 400)}`);
      assert.ok(flat.includes("Н.В.Петрова"), "the PDF ends with the responsible's signature");
      const xlsx = await invoke(s, "plan_export", { year, format: "xlsx", path: xlsxPath });
      assert.equal(xlsx.ok, xlsxPath, `xlsx answered ${JSON.stringify(xlsx)}`);
      assert.ok(existsSync(xlsxPath) && readFileSync(xlsxPath).subarray(0, 2).toString("latin1") === "PK", "an XLSX was written");

      // Настройки → «Мероприятия»: the time zone and the forms.
      await s.clickId("nav-settings");
      await s.clickId("settings-events");
      await s.waitUntil(async () => (await s.prop(await s.find("field-time_zone"), "value")) === "Europe/Moscow", {
        message: "the time zone is Moscow by default",
      });
      await s.waitUntil(async () => (await s.$$('[data-testid="event-form-row"][data-builtin="true"]')).length >= 10, {
        message: "the ten built-in forms are listed",
      });
      assert.equal((await s.$$('[data-testid="event-form-row"][data-builtin="true"] [data-testid="event-form-delete"]')).length, 0, "built-in forms have no «Удалить»");
      await s.clickId("event-form-add");
      await s.find("event-form-dialog");
      await s.fill("field-event-form-name", "Мастер-класс");
      await s.clickId("event-form-save");
      await s.gone("event-form-save");
      const added = await s.waitUntil(async () => {
        for (const r of await s.$$('[data-testid="event-form-row"][data-builtin="false"]')) if ((await s.text(r)).includes("Мастер-класс")) return r;
        return null;
      }, { message: "the new form is listed" });
      await shot(s, "step-reports-forms.png");
      const id = await s.attr(added, "data-id");
      await s.click(await s.findCss(`[data-testid="event-form-row"][data-id="${id}"] [data-testid="event-form-delete"]`));
      await s.clickId("confirm-ok");
      await s.waitUntil(async () => (await s.$$(`[data-testid="event-form-row"][data-id="${id}"]`)).length === 0, {
        message: "the deleted form left the list",
      });
    },
    { dataDir: dir },
  );
});
