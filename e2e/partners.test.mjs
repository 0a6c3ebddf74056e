// The partner registry in the real window (issue 2): a wrong ИНН is refused
// with a Russian message, the fixed partner is saved, found by a part of its
// name in another case, edited (and the history shows it), deleted with undo,
// restored from the trash.

import assert from "node:assert/strict";
import { test } from "node:test";
import { join } from "node:path";
import { badInn10, count, inn10, OUT, withApp } from "./harness.mjs";
import { Keys } from "./webdriver.mjs";

const FULL_NAME = "Муниципальное бюджетное общеобразовательное учреждение «Школа «Лесная поляна»»";
const SHORT_NAME = "Школа «Лесная поляна»";
const SEARCH = "ЛЕСНАЯ"; // a part of the name, in another case
const GOOD_INN = inn10("682501234"); // 6825012343
const BAD_INN = badInn10("682501234"); // 6825012345: wrong check digit
// The field edited (the form no longer has «Заметки»: notes are dated entries in «Хроника»).
const POSTAL = "393190, г. Котовск, ул. Лесная, д. 5";

async function listCount(s) {
  const text = await s.waitText("partners-count", /\d/);
  return count(text);
}

/** Screenshots of the steps, for a look at how WebKitGTK renders them. */
const shot = (s, name) => s.screenshot(join(OUT, `step-${name}.png`));

async function backToList(s) {
  await s.click(await s.findCss('button[aria-label="К списку партнёров"]'));
  await s.find("partners-search");
}

test("create with a wrong ИНН, fix, find, edit, delete, restore", async (t) => {
  await withApp(t, async (s) => {
    // First start on an empty folder: the welcome screen; take the demo so
    // the search has something to tell apart.
    await s.find("demo-fill");
    await shot(s, "0-welcome");
    await s.clickId("demo-fill");
    const before = await listCount(s);
    assert.ok(before >= 25, `demo should have ≥25 partners, the list says ${before}`);

    // A new partner with a wrong ИНН.
    await s.clickId("partner-new");
    await s.find("partner-form");
    await shot(s, "0-form-new");
    await s.fill("field-full_name", FULL_NAME);
    await s.fill("field-short_name", SHORT_NAME);
    await s.fill("field-requisites.inn", BAD_INN);
    // Leaving the field shows its error.
    await s.click(await s.find("field-requisites.kpp"));
    const innError = await s.waitText("error-requisites.inn", "ИНН");
    assert.match(innError, /[А-Яа-яЁё]/, "the message is Russian");
    assert.equal(await s.attr(await s.find("field-requisites.inn"), "aria-invalid"), "true");

    // Saving is refused: the form stays open with the message, nothing is stored.
    await s.clickId("partner-save");
    await s.find("form-error");
    await s.waitText("error-requisites.inn", "ИНН");
    assert.equal(await s.prop(await s.find("field-full_name"), "value"), FULL_NAME, "what was typed is kept");
    await shot(s, "1-form-wrong-inn");

    // Fix the ИНН: the message goes away, the partner is saved and its card opens.
    await s.fill("field-requisites.inn", GOOD_INN);
    await s.click(await s.find("field-requisites.kpp"));
    await s.gone("error-requisites.inn");
    await s.clickId("partner-save");
    await s.gone("partner-form");
    await s.find("partner-card");
    await s.waitText("partner-card-title", (x) => x.trim() === SHORT_NAME);

    // Found by a part of its name in another case: exactly that row.
    await backToList(s);
    const total = await listCount(s);
    assert.equal(total, before + 1, "exactly one partner was added (the refused save stored nothing)");
    await s.fill("partners-search", SEARCH);
    await s.waitText("partners-count", "Найдено: 1");
    const rows = await s.waitUntil(async () => {
      const r = await s.$$('[data-testid="partner-row"]');
      return r.length === 1 ? r : null;
    }, { message: `search «${SEARCH}» should show exactly one row` });
    const rowText = await s.text(rows[0]);
    assert.ok(rowText.includes(SHORT_NAME), `the row is «${SHORT_NAME}»: ${rowText}`);
    assert.ok(rowText.includes(GOOD_INN), `the row shows the ИНН: ${rowText}`);
    const id = await s.attr(rows[0], "data-id");
    assert.match(id, /^\d+$/);

    // Open it and edit a field.
    await s.click(rows[0]);
    await s.waitText("partner-card-title", (x) => x.trim() === SHORT_NAME);
    await s.clickId("partner-edit");
    await s.find("partner-form");
    await s.waitUntil(async () => (await s.prop(await s.find("field-full_name"), "value")) === FULL_NAME, {
      message: "the edit form loads the partner",
    });
    await s.fill("field-requisites.postal_address", POSTAL);
    await s.clickId("partner-save");
    await s.gone("partner-form");

    // The history tab shows the change.
    await s.clickId("tab-history");
    await s.waitText("history-table", POSTAL);
    await shot(s, "2-card-history");
    const history = await s.text(await s.find("history-table"));
    assert.match(history, /Почтовый адрес/i, `history names the field: ${history}`);

    // Delete → a toast with «Отменить»; undo brings it back.
    await s.clickId("partner-delete");
    await s.find("partners-search");
    await s.find("toast-undo");
    await s.waitText("partners-count", "Найдено: 0");
    await s.clickId("toast-undo");
    await s.findCss(`[data-testid="partner-row"][data-id="${id}"]`);

    // Delete again, then restore from the trash.
    await s.click(await s.findCss(`[data-testid="partner-row"][data-id="${id}"]`));
    await s.clickId("partner-delete");
    await s.find("toast-undo");
    await s.waitText("partners-count", "Найдено: 0");
    await s.clickId("nav-trash");
    const trashRow = await s.findCss(`[data-testid="trash-row"][data-id="${id}"]`);
    await shot(s, "3-trash");
    assert.ok((await s.text(trashRow)).includes(SHORT_NAME));
    await s.click(await s.findCss(`[data-testid="trash-row"][data-id="${id}"] [data-testid="trash-restore"]`));
    await s.waitUntil(async () => (await s.$$(`[data-testid="trash-row"][data-id="${id}"]`)).length === 0, {
      message: "the restored partner left the trash",
    });

    // Back in the list, found by the same search, with the edit kept.
    await s.clickId("nav-partners");
    await s.waitText("partners-count", "Найдено: 1");
    await s.click(await s.findCss(`[data-testid="partner-row"][data-id="${id}"]`));
    await s.waitText("partner-card-title", (x) => x.trim() === SHORT_NAME);
    await s.clickId("tab-history");
    await s.waitText("history-table", POSTAL);

    // Esc in the search box clears it: the whole list is back, one partner more than the demo.
    await backToList(s);
    await s.click(await s.find("partners-search"));
    await s.press(Keys.ESCAPE);
    await s.waitText("partners-count", (x) => !x.includes("Найдено") && count(x) === before + 1, {
      message: `the list counts ${before + 1} partners again`,
    });
  });
});

test("«Начать с пустой базы» leads to the institution profile, the partners list is empty", async (t) => {
  await withApp(t, async (s, dir) => {
    await s.clickId("start-empty");
    await s.find("institution-save");
    await s.clickId("settings-data");
    await s.waitText("data-dir", (x) => x.includes(dir), { message: "the app uses the --data-dir folder" });
    await s.clickId("nav-partners");
    await s.find("partner-new");
    await s.waitUntil(async () => (await s.pageText()).includes("Партнёров пока нет"), {
      message: "the empty list shows its empty state",
    });
    assert.equal((await s.$$('[data-testid="partner-row"]')).length, 0);
  });
});
