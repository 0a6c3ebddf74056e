// «Экспорт» of a list in the real window (issue 12 §2): on the demo, the
// partner list is searched and sorted by ИНН (descending); «Экспорт» →
// «Партнёры — Excel» goes through the native save dialog (the proposed
// name is «Партнёры ДД.ММ.ГГГГ.xlsx»); the file is read back (python3's
// zipfile + the sheet XML) and its names are exactly the rows shown, in
// their order. The same rows as CSV, the contacts of those partners, and
// the agreements list as CSV go the same way.
// Saves build/e2e/step-lists-*.png (the menu open, at the screen's size).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, newDataDir, OUT, withApp } from "./harness.mjs";
import { answerSave } from "./xdialog.mjs";

const shot = (s, name) => s.screenshot(join(OUT, `step-lists-${name}.png`));

/** Column `col` (A, B …) of an XLSX's first sheet, header first, as text. */
function xlsxColumn(path, col) {
  const py = `
import sys, zipfile, re
import xml.etree.ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile(sys.argv[1])
shared = [ "".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns) ]
sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
out = []
for c in sheet.iter("{%s}c" % ns["m"]):
    if re.fullmatch(sys.argv[2] + r"\\d+", c.get("r")):
        v = c.find("m:v", ns)
        out.append(shared[int(v.text)] if c.get("t") == "s" and v is not None else (v.text if v is not None else ""))
print("\\n".join(out))
`;
  return execFileSync("python3", ["-c", py, path, col], { encoding: "utf8" }).replace(/\n$/, "").split("\n");
}

/** Column `i` of a CSV written by the app (BOM, «;», CRLF; no quotes in these names' fields assumed). */
function csvColumn(path, i) {
  const py = `
import sys, csv, io
rows = list(csv.reader(io.open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
print("\\n".join(r[int(sys.argv[2])] for r in rows))
`;
  return execFileSync("python3", ["-c", py, path, String(i)], { encoding: "utf8" }).replace(/\n$/, "").split("\n");
}

async function toast(s, text) {
  return s.waitUntil(async () => (await s.texts("toast")).find((t) => t.includes(text)), { message: `no toast with ${text}` });
}

async function fileLike(s, dir, re) {
  return s.waitUntil(() => readdirSync(dir).map((n) => join(dir, n)).find((p) => re.test(p)), {
    message: `no file matching ${re} in ${dir}: ${readdirSync(dir).join(", ")}`,
  });
}

/** The partner names the table shows, top to bottom. */
const shownNames = (s) =>
  s.exec(`return [...document.querySelectorAll('[data-testid="partner-row"] .td.name')].map((e) => e.textContent.trim());`);

async function choose(s, menu, item) {
  await s.clickId(menu);
  await s.find(item);
  await s.clickId(item);
}

test("the filtered, sorted partner list goes out as XLSX and CSV with exactly the rows shown", async (t) => {
  const dir = newDataDir("lists");
  assert.ok(cliDemo(dir), "the CLI next to the app fills the demo");
  const out = join(dir, "out");
  mkdirSync(out);
  await withApp(
    t,
    async (s) => {
      await s.clickId("nav-partners");
      await s.fill("partners-search", "школ");
      await s.waitText("partners-count", /Найдено/);
      // ИНН descending: an order the core's list never gives by itself.
      const byName = await s.waitUntil(async () => {
        const names = await shownNames(s);
        return names.length > 1 ? names : null;
      });
      await s.clickId("sort-inn");
      await s.clickId("sort-inn");
      // The core sorts: the new order comes back a moment later.
      const shown = await s.waitUntil(async () => {
        const busy = await s.exec(`return document.querySelector('[data-testid="partners-count"]')?.getAttribute("aria-busy");`);
        const names = await shownNames(s);
        return busy === "false" && names.length > 1 && names.join("|") !== byName.join("|") ? names : null;
      }, { message: "the list sorted by ИНН, descending" });
      const count = Number((await s.texts("partners-count"))[0].replace(/\D/g, ""));
      assert.equal(shown.length, count, "every found partner is on screen");

      // Excel through the native dialog, with the proposed name.
      await s.clickId("partners-export");
      await s.find("partners-export-xlsx");
      await shot(s, "menu");
      await s.clickId("partners-export-xlsx");
      await answerSave("Сохранить список партнёров", join(out, "x"), "step-lists-dialog.png");
      await toast(s, "Список сохранён");
      const xlsx = await fileLike(s, out, /\/x\.xlsx$/);
      const names = xlsxColumn(xlsx, "B");
      assert.equal(names[0], "Краткое наименование");
      assert.deepEqual(names.slice(1), shown, "the XLSX holds the rows shown, in their order");

      // CSV: the same rows; the proposed name carries today's date.
      await choose(s, "partners-export", "partners-export-csv");
      await answerSave("Сохранить список партнёров");
      const csv = await fileLike(s, out, /\/Партнёры \d\d\.\d\d\.\d{4}\.csv$/);
      const bytes = readFileSync(csv);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a BOM first");
      assert.ok(bytes.includes(Buffer.from("\r\n")), "CRLF rows");
      assert.deepEqual(csvColumn(csv, 1).slice(1), shown);

      // The contacts of the same partners, partner by partner.
      await choose(s, "partners-export", "contacts-export-csv");
      await answerSave("Сохранить контакты партнёров", join(out, "contacts.csv"));
      await toast(s, "Контакты сохранены");
      const partnersOfContacts = csvColumn(join(out, "contacts.csv"), 7).slice(1);
      assert.ok(partnersOfContacts.length >= shown.length - 1);
      const order = [...new Set(partnersOfContacts)];
      assert.deepEqual(order, shown.filter((n) => order.includes(n)), "contacts follow the partners' order");

      // Договоры: the list as shown.
      await s.clickId("nav-agreements");
      const agreementRows = await s.waitUntil(async () => {
        const rows = await s.exec(`return [...document.querySelectorAll('[data-testid="agreement-row"] td.num')].map((e) => e.textContent.trim());`);
        return rows.length ? rows : null;
      });
      await choose(s, "agreements-export", "agreements-export-csv");
      await answerSave("Сохранить список договоров", join(out, "agreements.csv"));
      await toast(s, "Список сохранён");
      const numbers = csvColumn(join(out, "agreements.csv"), 1).slice(1).map((n) => n || "—");
      assert.deepEqual(numbers, agreementRows);
      await shot(s, "agreements");

      // Мероприятия: the calendar's period and filters, as occurrences.
      await s.clickId("nav-events");
      await s.find("events-page");
      await s.clickId("events-export");
      await s.find("events-export-series-xlsx");
      await shot(s, "events-menu");
      await s.clickId("events-export-occurrences-csv");
      await answerSave("Сохранить список мероприятий", join(out, "events.csv"));
      await toast(s, "Список сохранён");
      const shownEvents = await s.exec(`return new Set([...document.querySelectorAll('[data-testid="cal-event"]')].map((e) => e.dataset.eventId + "/" + e.dataset.date)).size;`);
      const dates = csvColumn(join(out, "events.csv"), 1).slice(1);
      assert.ok(dates.length >= shownEvents && dates.length > 0, `${dates.length} rows, ${shownEvents} on screen`);
      assert.ok(dates.every((d) => /^\d\d\.\d\d\.\d{4}$/.test(d)), "dates as DD.MM.YYYY");

      // Дефициты и ресурсы, Корзина: the button is there.
      await s.clickId("nav-deficits");
      await s.find("deficits-export");
      await shot(s, "deficits");
    },
    { dataDir: dir },
  );
});
