// Every file button with its real native dialog (issue 9): a click on the
// button, the GTK dialog found as an X window and answered with xdotool, the
// file read back (PDF with qpdf, XLSX/DOCX unzipped, .ics parsed by Python's
// icalendar). A dialog answered with Return alone saves under the name the
// app proposed in the last folder used. Cancelling writes nothing and the
// window still answers. «Печать» and «Открыть файл» go to the system's
// program (a recording stand-in, e2e/bin/xdg-open) without blocking.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, findPlanRow, newDataDir, OUT, withApp } from "./harness.mjs";
import { answerOpen, answerSave, cancelDialog, clearOpened, openedFiles } from "./xdialog.mjs";

const shot = (s, name) => s.screenshot(join(OUT, name));

function qpdfOk(path) {
  execFileSync("qpdf", ["--check", path], { stdio: "pipe" });
  return true;
}

function zipEntries(path) {
  const py = "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))";
  return execFileSync("/usr/bin/python3", ["-c", py, path], { encoding: "utf8" }).split("\n");
}

function icsEventCount(path) {
  const py =
    "import sys, icalendar; c = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read()); " +
    "print(len([e for e in c.walk('VEVENT')]))";
  return Number(execFileSync("/usr/bin/python3", ["-c", py, path], { encoding: "utf8" }).trim());
}

/** Waits for a toast whose text matches; returns that text. */
async function toast(s, pred) {
  const ok = typeof pred === "string" ? (t) => t.includes(pred) : (t) => pred.test(t);
  return s.waitUntil(async () => (await s.texts("toast")).find(ok), { message: `no toast matching ${pred}` });
}

/** The one new file in `dir` whose name matches, waiting for it. */
async function fileLike(s, dir, re) {
  return s.waitUntil(() => readdirSync(dir).map((n) => join(dir, n)).find((p) => re.test(p)), {
    message: `no file matching ${re} in ${dir}: ${readdirSync(dir).join(", ")}`,
  });
}

async function stillAnswers(s) {
  await s.clickId("nav-partners");
  await s.find("partners-count");
}

function prepare(tag) {
  const dir = newDataDir(tag);
  const viaCli = cliDemo(dir);
  const out = join(dir, "out");
  mkdirSync(out);
  clearOpened();
  return { dir, out, viaCli };
}

test("agreements: export PDF and DOCX, print, attach a scan, cancel — through the native dialogs", async (t) => {
  const { dir, out, viaCli } = prepare("dlg-agreements");
  await withApp(
    t,
    async (s) => {
      if (!viaCli) await s.clickId("demo-fill");
      await s.clickId("nav-agreements");
      await s.click(await s.findCss('[data-testid="agreement-row"] td'));
      await s.find("agreement-card");

      // PDF: the path typed into GTK's name field.
      await s.clickId("agreement-export-pdf");
      const pdf = join(out, "agreement.pdf");
      await answerSave("Сохранить договор", pdf);
      await toast(s, pdf);
      assert.ok(qpdfOk(pdf));

      // DOCX: Return alone saves the proposed Russian name in the last folder.
      await s.clickId("agreement-export-docx");
      await answerSave("Сохранить договор", null, "dialog-save-agreement.png");
      const docx = await fileLike(s, out, /\/(Договор|Соглашение) № [^/]+ — [^/]+\.docx$/);
      assert.ok(zipEntries(docx).includes("word/document.xml"), `${docx} is a DOCX`);
      await shot(s, "step-dialogs-exported.png");

      // «Открыть файл» in the toast goes to the system's program, the window stays.
      const opened = await toast(s, "Договор сохранён");
      assert.ok(opened);
      await s.exec(`[...document.querySelectorAll('[data-testid="toast-undo"]')].find((b) => b.innerText.includes("Открыть файл"))?.click();`);
      await s.waitUntil(() => openedFiles().some((p) => p.endsWith(".docx")), { message: "the DOCX was not handed to the system's program" });

      // «Печать»: the PDF goes to the viewer, the window answers at once.
      await s.clickId("agreement-print");
      await s.waitUntil(() => openedFiles().some((p) => p.includes("/print/") && p.endsWith(".pdf")), { message: "print did not open a PDF" });

      // «Прикрепить скан»: the open dialog picks a prepared file.
      const scan = join(out, "scan-signed.pdf");
      copyFileSync(pdf, scan);
      await s.clickId("attach-scan");
      await answerOpen("Прикрепить скан подписанного договора", scan);
      await toast(s, "Скан прикреплён");
      await s.waitUntil(async () => (await s.texts("attachment-row")).some((x) => x.includes("scan-signed")), {
        message: "the scan is not listed",
      });

      // Cancel: nothing written, nothing alarming, the window answers.
      const before = readdirSync(out).sort();
      await s.clickId("agreement-export-pdf");
      await cancelDialog("Сохранить договор");
      await s.clickId("attach-scan");
      await cancelDialog("Прикрепить скан подписанного договора");
      assert.deepEqual(readdirSync(out).sort(), before, "a cancelled dialog wrote nothing");
      const errors = await s.$$('[data-testid="toast"][role="alert"]');
      assert.equal(errors.length, 0, "a cancelled dialog shows no error");
      await stillAnswers(s);
    },
    { dataDir: dir },
  );
});

test("plan, brochure, calendar export and .ics import — through the native dialogs", async (t) => {
  const { dir, out, viaCli } = prepare("dlg-reports");
  const ics = join(out, "partner-calendar.ics");
  const day = new Date(Date.now() + 10 * 86_400_000);
  const ymd = `${day.getFullYear()}${String(day.getMonth() + 1).padStart(2, "0")}${String(day.getDate()).padStart(2, "0")}`;
  writeFileSync(
    ics,
    [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//e2e//RU", "BEGIN:VEVENT", "UID:e2e-dialog@example.ru",
      "DTSTAMP:20260901T080000Z", `DTSTART;TZID=Europe/Moscow:${ymd}T100000`, `DTEND;TZID=Europe/Moscow:${ymd}T120000`,
      "SUMMARY:Семинар из календаря партнёра", "END:VEVENT", "END:VCALENDAR", "",
    ].join("\r\n"),
  );
  await withApp(
    t,
    async (s) => {
      if (!viaCli) await s.clickId("demo-fill");
      await s.clickId("nav-reports");
      await s.find("reports-page");

      const pdf = join(out, "plan.pdf");
      await s.clickId("plan-export-pdf");
      await answerSave("Сохранить план сетевого взаимодействия", pdf);
      await toast(s, pdf);
      assert.ok(qpdfOk(pdf));

      await s.clickId("plan-export-xlsx");
      await answerSave("Сохранить план сетевого взаимодействия");
      const xlsx = await fileLike(s, out, /\/План сетевого взаимодействия \d{4}-\d{4}\.xlsx$/);
      assert.ok(zipEntries(xlsx).includes("xl/worksheets/sheet1.xml"), `${xlsx} is an XLSX`);

      await s.clickId("plan-export-ics");
      await answerSave("Сохранить план сетевого взаимодействия");
      const planIcs = await fileLike(s, out, /\/План сетевого взаимодействия \d{4}-\d{4}\.ics$/);
      assert.ok(icsEventCount(planIcs) > 10, "the plan's calendar has the demo's events");

      // Import: the open dialog, the preview, then the events are there.
      await s.clickId("plan-import");
      await answerOpen("Импорт мероприятий из календаря", ics);
      await s.waitText("import-summary", /1/);
      await s.clickId("import-apply");
      await toast(s, "Импорт завершён");
      // The plan draws only the rows in view: it is scrolled through.
      await findPlanRow(s, "Семинар из календаря партнёра");

      // The calendar's «В календарь (.ics)».
      await s.clickId("nav-events");
      await s.find("events-page");
      const shown = join(out, "events.ics");
      await s.clickId("events-export-ics");
      await answerSave("Сохранить мероприятия в календарь", shown);
      await toast(s, shown);
      assert.ok(icsEventCount(shown) >= 1);

      // A brochure: Return alone, its title as the name, in the last folder.
      await s.clickId("nav-documents");
      await s.click(await s.findCss('[data-testid="brochure-row"] td'));
      await s.find("brochure-preview");
      await s.clickId("brochure-export");
      await answerSave("Сохранить брошюру");
      const brochure = await fileLike(s, out, /\/[А-ЯЁ][^/]*\.pdf$/);
      assert.ok(qpdfOk(brochure));
      assert.ok(existsSync(brochure));
      // «В Word»: the same brochure as an editable DOCX.
      await s.clickId("brochure-export-docx");
      await answerSave("Сохранить брошюру");
      const word = brochure.replace(/\.pdf$/, ".docx");
      await s.waitUntil(() => existsSync(word), { message: `${word} was not written` });
      assert.ok(zipEntries(word).includes("word/document.xml"), `${word} is a DOCX`);
      // «Печать»: its PDF goes to the viewer.
      clearOpened();
      await s.clickId("brochure-print");
      await s.waitUntil(() => openedFiles().some((p) => p.includes("/print/") && p.endsWith(".pdf")), { message: "print did not open the brochure's PDF" });

      // Cancel the import: nothing happens, the window answers.
      await s.clickId("nav-reports");
      await s.clickId("plan-import");
      await cancelDialog("Импорт мероприятий из календаря");
      assert.equal((await s.$$('[data-testid="import-summary"]')).length, 0, "no preview after a cancel");
      await shot(s, "step-dialogs-reports.png");
      await stillAnswers(s);
    },
    { dataDir: dir },
  );
});
