// Her own fields of partners in the real window (issue 14 §3): on the demo,
// Настройки → «Свои поля» gets a date field and a list field; a partner's
// form refuses 31.02.2026 naming the field, takes 01.02.2026 and an option;
// the card shows both; «Столбцы» puts the date in the list, «Свои поля»
// filters by the option; «Экспорт» → Excel through the native save dialog
// writes them as the last columns (the file read back); «Импорт…» of a CSV
// through the native open dialog maps the columns named as her fields and
// names a bad date in the preview; the template editor's field picker
// offers `партнёры[0].поля["…"]`.
// Screenshots: own-fields-settings.png, -dialog, -form, -card, -filter,
// -list, -import-mapping, -picker, and -list/-settings/-form-narrow (1024×640).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, newDataDir, OUT, withApp } from "./harness.mjs";
import { answerOpen, answerSave } from "./xdialog.mjs";

const shot = (s, name) => s.screenshot(join(OUT, `own-fields-${name}.png`));

/** The first sheet of an XLSX as rows of text (dates as Excel serials). */
function xlsxRows(path) {
  const py = `
import sys, zipfile, re, json
import xml.etree.ElementTree as ET
m = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
shared = ["".join(t.text or "" for t in si.iter(m + "t")) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(m + "si")]
rows = []
for r in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter(m + "row"):
    row = {}
    for c in r.findall(m + "c"):
        v = c.find(m + "v")
        col = re.match(r"[A-Z]+", c.get("r")).group(0)
        row[col] = "" if v is None else (shared[int(v.text)] if c.get("t") == "s" else v.text)
    rows.append(row)
print(json.dumps(rows, ensure_ascii=False))
`;
  return JSON.parse(execFileSync("python3", ["-c", py, path], { encoding: "utf8" }));
}

async function toast(s, text) {
  return s.waitUntil(async () => (await s.texts("toast")).find((t) => t.includes(text)), { message: `no toast with ${text}` });
}

/** The id of her field named `name`, from the settings' rows. */
async function fieldId(s, name) {
  return s.waitUntil(
    () =>
      s.exec(
        `const row = [...document.querySelectorAll('[data-testid="own-field-row"]')].find((r) => r.querySelector(".name")?.textContent.trim() === arguments[0]);
         return row ? Number(row.dataset.id) : null;`,
        [name],
      ),
    { message: `no settings row for ${name}` },
  );
}

async function addField(s, name, kind, options = "") {
  await s.clickId("own-field-add");
  await s.find("own-field-dialog");
  await s.fill("field-own-field-name", name);
  await s.select("field-own-field-kind", kind);
  if (options) await s.fill("field-own-field-options", options);
  if (options) await shot(s, "dialog");
  await s.clickId("own-field-save");
  await toast(s, `Поле «${name}» добавлено`);
  await s.gone("own-field-dialog");
  return fieldId(s, name);
}

const rowCount = (s) => s.exec(`return document.querySelectorAll('[data-testid="partner-row"]').length;`);

test("her own fields: defined in Настройки, filled in the form, on the card, in the list, filtered, exported", async (t) => {
  const dir = newDataDir("own-fields");
  assert.ok(cliDemo(dir), "the CLI next to the app fills the demo");
  const out = join(dir, "out");
  mkdirSync(out);
  await withApp(
    t,
    async (s) => {
      await s.clickId("nav-settings");
      await s.clickId("settings-fields");
      await s.find("own-fields-empty");
      const dateId = await addField(s, "Дата аккредитации", "date");
      const choiceId = await addField(s, "Направленность", "choice", "Техническая\uE007Художественная\uE007Естественнонаучная");
      await shot(s, "settings");

      // The first partner of the list: the form refuses an impossible date, naming the field.
      await s.clickId("nav-partners");
      const first = await s.waitUntil(() => s.exec(`return document.querySelector('[data-testid="partner-row"]')?.dataset.id ?? null;`));
      const name = await s.exec(`return document.querySelector('[data-testid="partner-row"] .td.name').textContent.trim();`);
      await s.click(await s.findCss(`[data-testid="partner-row"][data-id="${first}"]`));
      await s.clickId("partner-edit");
      await s.find("own-fields-section");
      await s.fill(`field-own_fields.${dateId}`, "31.02.2026");
      await s.select(`field-own_fields.${choiceId}`, "Техническая");
      await s.clickId("partner-save");
      const error = await s.waitText(`error-own_fields.${dateId}`, "такой даты нет");
      assert.equal(error, "Поле «Дата аккредитации»: 31.02.2026 — такой даты нет; проверьте число и месяц.");
      await s.exec(`document.querySelector('[data-testid="own-fields-section"]').scrollIntoView({ block: "center" });`);
      await shot(s, "form");
      await s.fill(`field-own_fields.${dateId}`, "01.02.2026");
      await s.clickId("partner-save");
      await toast(s, "Изменения сохранены");
      await s.gone("partner-form");

      // The card shows both, as she typed them.
      const card = await s.waitText("card-own-fields", "01.02.2026");
      assert.match(card, /Дата аккредитации\s+01\.02\.2026/);
      assert.match(card, /Направленность\s+Техническая/);
      await shot(s, "card");

      // The list: her column on, her filter set.
      await s.click(await s.findCss('button[aria-label="К списку партнёров"]'));
      await s.clickId("partners-columns");
      await s.clickId(`own-column-${dateId}`);
      const cell = await s.waitUntil(
        () => s.exec(`return document.querySelector('[data-testid="partner-row"][data-id="${first}"] [data-testid="partner-own-${dateId}"]')?.textContent.trim() ?? null;`),
        { message: "the column of her field in the list" },
      );
      assert.equal(cell, "01.02.2026");
      // Her column sorts the list (the core's order): the one partner with a date
      // comes first both ways, where «по названию» from Я puts another on top.
      const top = () => s.exec(`return document.querySelector('[data-testid="partner-row"]')?.dataset.id ?? null;`);
      await s.press("\uE00C"); // Escape closes «Столбцы»
      await s.clickId("sort-name");
      await s.waitUntil(async () => (await top()) !== first, { message: "by name from Я, another partner on top" });
      await s.clickId(`sort-own-${dateId}`);
      await s.waitUntil(async () => (await top()) === first, { message: "by her date, the dated partner on top" });
      await s.clickId(`sort-own-${dateId}`);
      await s.waitUntil(
        async () => (await s.exec(`return document.querySelector('[data-testid="sort-own-${dateId}"]').getAttribute("aria-label");`)).endsWith("по убыванию"),
        { message: "her column sorted descending" },
      );
      assert.equal(await top(), first, "no date stays last in both directions");
      await shot(s, "sorted-by-own");
      await s.clickId("sort-name");
      await s.waitUntil(async () => (await top()) === first, { message: "back to the names from А" });
      const all = await rowCount(s);
      assert.ok(all > 1);
      await s.clickId("filter-own-fields");
      await s.clickId(`own-filter-${choiceId}-Техническая`);
      await s.waitText("partners-count", "Найдено: 1");
      await s.waitUntil(async () => (await rowCount(s)) === 1, { message: "one row left" });
      await shot(s, "filter");
      await s.press("\uE00C"); // Escape closes the filter
      await shot(s, "list");
      const wide = await s.exec(`const t = document.querySelector(".ptable"); return t.scrollWidth - t.clientWidth;`);
      assert.ok(wide <= 1, `the list with her column fits at 1280 px (by ${wide} px)`);

      // «Экспорт» → Excel: her fields are the last columns, filled for this partner.
      await s.clickId("partners-export");
      await s.find("partners-export-xlsx");
      await s.clickId("partners-export-xlsx");
      await answerSave("Сохранить список партнёров", join(out, "own"));
      await toast(s, "Список сохранён");
      const file = await s.waitUntil(() => readdirSync(out).map((n) => join(out, n)).find((p) => p.endsWith("own.xlsx")));
      const rows = xlsxRows(file);
      const header = rows[0];
      const cols = Object.keys(header);
      const col = (title) => cols.find((c) => header[c] === title);
      assert.ok(col("Дата аккредитации") && col("Направленность"), JSON.stringify(header));
      assert.equal(rows.length, 2, "the one partner shown");
      assert.equal(rows[1][col("Краткое наименование")], name);
      assert.equal(rows[1][col("Дата аккредитации")], "46054", "01.02.2026 as a real date");
      assert.equal(rows[1][col("Направленность")], "Техническая");

      // «Импорт…»: a column headed with her field's name fills it; a bad value is named in the preview.
      const csv = join(out, "new.csv");
      writeFileSync(
        csv,
        "\ufeffПолное наименование;Дата аккредитации;Направленность\r\n" +
          "Кружок «Юный техник»;15.03.2026;художественная\r\n" +
          "Кружок «Умелые руки»;30.02.2026;Техническая\r\n",
      );
      await s.clickId("partners-import");
      await answerOpen("Импорт партнёров из таблицы", csv);
      await s.find("import-mapping");
      const mapped = await s.exec(`return [...document.querySelectorAll('[data-testid="import-field"]')].map((e) => e.value);`);
      assert.deepEqual(mapped, ["full_name", `own:${dateId}`, `own:${choiceId}`], "her fields guessed from the headers");
      await shot(s, "import-mapping");
      await s.clickId("import-preview");
      await s.waitText("import-plan-summary", /Создать: 1/);
      const plan = await s.exec(`return document.querySelector('[data-testid="import-plan"]').innerText;`);
      assert.ok(plan.includes("Строка 3, Дата аккредитации: 30.02.2026 — такой даты нет"), plan);
      await s.clickId("import-apply");
      await s.gone("import-plan");
      await s.fill("partners-search", "Юный техник");
      await s.clickId("filter-own-fields");
      await s.clickId(`own-filter-${choiceId}-Техническая`); // off: the new one is «Художественная»
      await s.press("\uE00C");
      const cellNew = await s.waitUntil(
        () => s.exec(`const r = document.querySelector('[data-testid="partner-row"]'); return r && r.querySelector('.td.name').textContent.includes("Юный техник") ? r.querySelector('[data-testid="partner-own-${dateId}"]')?.textContent.trim() ?? null : null;`),
        { message: "the imported partner with her field in the list" },
      );
      assert.equal(cellNew, "15.03.2026");
      await s.click(await s.findCss("button.reset")); // «Сбросить»: the search and her filters
      await s.waitText("partners-count", /партн/);

      // The template editor's field picker offers her field for each partner.
      await s.clickId("nav-agreements");
      await s.clickId("agreements-tab-templates");
      await s.find("templates-editor");
      await s.clickId("template-fields");
      await s.find("field-picker");
      await s.type(await s.find("field-search"), "аккредитации");
      const picked = await s.waitUntil(
        async () => {
          const n = await s.texts("merge-field");
          return n.length >= 1 ? n : null;
        },
        { message: "the picker finds her field" },
      );
      assert.deepEqual(picked, ['партнёры[0].поля["Дата аккредитации"]']);
      await shot(s, "picker");
      await s.clickId("field-picker-close");
      await s.clickId("nav-partners");
      // «Столбцы» → «Настроить поля…» opens her fields in «Настройки».
      await s.clickId("partners-columns");
      await shot(s, "columns");
      await s.clickId("partners-columns-settings");
      await s.find("own-field-row");
      assert.equal(await s.exec(`return document.querySelector('[data-testid="settings-fields"]').getAttribute("aria-selected");`), "true");
      await s.clickId("nav-partners");
      await s.find("partners-columns");

      // The smallest window: the settings, the list with the column, the form.
      const resized = await s
        .cmd("POST", "/window/rect", { width: 1024, height: 640 })
        .then(() => true)
        .catch((e) => {
          t.diagnostic(`window not resized: ${e.message}`);
          return false;
        });
      if (resized) {
        await s.waitUntil(async () => (await s.exec(`return window.innerWidth;`)) <= 1100, { message: "the window becomes narrow" });
        await shot(s, "list-narrow");
        const overflow = await s.exec(`const t = document.querySelector(".ptable"); return t.scrollWidth - t.clientWidth;`);
        assert.ok(overflow <= 1, `the list fits at 1024 px (by ${overflow} px)`);
        await s.clickId("nav-settings");
        await s.clickId("settings-fields");
        await s.find("own-field-row");
        await shot(s, "settings-narrow");
        await s.clickId("nav-partners");
        await s.click(await s.findCss(`[data-testid="partner-row"][data-id="${first}"]`));
        await s.clickId("partner-edit");
        await s.find("own-fields-section");
        await s.exec(`document.querySelector('[data-testid="own-fields-section"]').scrollIntoView({ block: "center" });`);
        await shot(s, "form-narrow");
      }
    },
    { dataDir: dir },
  );
});
