// «Контакты» in the real window (issue 14 §2), on the demo plus a second
// record of Гусева Т.М. (another organisation's form typed her anew): the
// section opens from the sidebar; «Гусевой» finds both records; her card
// lists her organisations; a phone is edited there and the card shows it
// normalised; the two records are merged (the other chosen by search), the
// card then has every organisation and the merge in its history; an event's
// responsible is picked from the persons by search and the person's card
// names the event. Saves build/e2e/persons-*.png at 1280×800 and 1024×640.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, cliDemo, newDataDir, OUT, withApp } from "./harness.mjs";
import { Keys } from "./webdriver.mjs";
import { answerSave } from "./xdialog.mjs";

const shot = (s, name) => s.screenshot(join(OUT, name));
const EVENT = "Встреча «Совет ветеранов и школа»";

/** The demo, and a partner whose contact is Гусева typed as «Гусева Т. М.». */
function prepare(t) {
  const dir = newDataDir("persons");
  if (!cliDemo(dir)) {
    t.skip("the CLI is not built");
    return null;
  }
  const file = join(dir, "veterans.json");
  writeFileSync(
    file,
    JSON.stringify({
      partner_type: "public_organization",
      relation_kind: "social_partnership",
      full_name: "Совет ветеранов педагогического труда",
      short_name: "Совет ветеранов",
      contacts: [{ surname: "Гусева", name: "Т.", patronymic: "М.", role: "председатель", phone: "+7 910 555-44-33" }],
    }),
  );
  execFileSync(CLI, ["--data-dir", dir, "partners", "add", "--json", file], { stdio: ["ignore", "pipe", "pipe"] });
  return dir;
}

/** The rows of the list now: [id, text]. */
async function rows(s) {
  return s.exec(
    `return [...document.querySelectorAll('[data-testid="person-row"]')].map((r) => [Number(r.dataset.id), r.innerText]);`,
  );
}

/** Types into a person picker and clicks the option whose text has `part`. */
async function pickPerson(s, testid, query, part) {
  await s.fill(testid, query);
  const option = await s.waitUntil(async () => {
    for (const el of await s.$$(`[data-testid="${testid}-option"]`)) if ((await s.text(el)).includes(part)) return el;
    return null;
  }, { message: `«${part}» is offered for «${query}»` });
  const id = Number(await s.attr(option, "data-id"));
  await s.click(option);
  return id;
}

test("Контакты: search by case, a card, an edit, a merge, a responsible picked", async (t) => {
  const dir = prepare(t);
  if (!dir) return;
  await withApp(
    t,
    async (s) => {
      await s.clickId("nav-persons");
      await s.find("persons-page");
      await s.waitText("persons-count", "33 человека");
      await shot(s, "persons-list.png");

      // «Гусевой» (the genitive) finds both records of Гусева.
      await s.fill("persons-search", "Гусевой");
      await s.waitText("persons-count", "Найдено: 2");
      const found = await rows(s);
      assert.equal(found.length, 2, JSON.stringify(found));
      const full = found.find(([, text]) => text.includes("Татьяна"));
      const short = found.find(([, text]) => text.includes("Совет ветеранов"));
      assert.ok(full && short, JSON.stringify(found));
      await shot(s, "persons-search.png");

      // «Экспорт» → CSV: the two rows shown, through the native save dialog.
      const out = join(dir, "out");
      mkdirSync(out);
      await s.clickId("persons-export");
      await s.clickId("persons-export-csv");
      await answerSave("Сохранить список контактов", join(out, "k.csv"));
      await s.waitUntil(async () => (await s.texts("toast")).some((x) => x.includes("Список сохранён")), { message: "the export is saved" });
      const csv = readFileSync(join(out, "k.csv"));
      assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a BOM first");
      const lines = csv.subarray(3).toString("utf8").split("\r\n").filter(Boolean);
      assert.equal(lines[0], "№;Фамилия;Имя;Отчество;Организация;Должность, роль;Телефон;E-mail;В корзине");
      assert.equal(lines.filter((l) => l.includes(";Гусева;")).length, 3, "Гусева Т.М. of two organisations and Гусева Т. М. of one");
      // Back from the native dialog the reminders' «focus» handler may have
      // opened Главная (a notice was shown at start): «Контакты» again keeps
      // the search.
      await s.clickId("nav-persons");
      await s.waitText("persons-count", "Найдено: 2");

      // Her card: the two organisations of the demo.
      await s.click(await s.findCss(`[data-testid="person-row"][data-id="${full[0]}"]`));
      await s.find("person-card");
      await s.waitText("person-title", "Гусева Татьяна Михайловна");
      await s.waitUntil(async () => (await s.texts("person-membership")).length === 2, { message: "two organisations" });
      await shot(s, "persons-card.png");

      // Edit the phone of the first organisation.
      await s.clickId("person-edit");
      await s.find("person-editor");
      await s.fill("person-memberships.0.phone", "8 910 123 45 67");
      await shot(s, "persons-edit.png");
      await s.clickId("person-save");
      await s.gone("person-editor");
      await s.waitUntil(async () => (await s.texts("person-phone")).includes("+7 (910) 123-45-67"), {
        message: "the card shows the phone as saved",
      });
      await s.waitText("person-history", "Телефон");

      // Merge the second record into this one, chosen by search.
      await s.clickId("person-merge");
      await s.find("person-merge-dialog");
      const other = await pickPerson(s, "merge-other", "Гусева", "Совет ветеранов");
      assert.equal(other, short[0]);
      await s.waitText("merge-chosen", "Гусева Т. М.");
      await shot(s, "persons-merge.png");
      await s.clickId("merge-confirm");
      await s.gone("person-merge-dialog");
      await s.waitUntil(async () => (await s.texts("person-membership")).length === 3, { message: "three organisations after the merge" });
      await s.waitText("person-history", "Объединение");
      const orgs = (await s.texts("person-membership")).join("\n");
      assert.match(orgs, /Совет ветеранов/);
      assert.match(orgs, /председатель/);

      // A partner's form finds an existing person by search: Лаврова joins the Совет ветеранов.
      assert.ok(
        await s.exec(
          `const b = [...document.querySelectorAll('[data-testid="person-membership"] button')].find((x) => x.textContent.includes("Совет ветеранов"));
           b?.click(); return !!b;`,
        ),
      );
      await s.clickId("partner-edit");
      await s.find("partner-form");
      const rowsBefore = (await s.$$('[data-testid="contact-edit-row"]')).length;
      await pickPerson(s, "contact-pick", "Лавровой", "Лаврова");
      await s.waitUntil(async () => (await s.$$('[data-testid="contact-edit-row"]')).length === rowsBefore + 1, {
        message: "the person is added to the form",
      });
      await shot(s, "persons-partner-form.png");
      await s.clickId("partner-save");
      await s.gone("partner-form");
      // «Контакты» shows the card left there; back to the list.
      await s.clickId("nav-persons");
      await s.clickId("person-back");
      await s.find("persons-page");
      await s.fill("persons-search", "Лавровой");
      await s.waitText("persons-count", "Найдено: 1");
      await s.waitUntil(async () => (await rows(s)).some(([, text]) => text.includes("Совет ветеранов")), {
        message: "Лаврова's line names the Совет ветеранов",
      });

      // The list has one Гусева now.
      await s.fill("persons-search", "Гусевой");
      await s.waitUntil(async () => {
        const r = await rows(s);
        return r.length === 1 && r[0][0] === full[0];
      }, { message: "one Гусева after the merge" });

      // An event's responsible picked from the persons by search.
      await s.clickId("nav-events");
      await s.clickId("event-new");
      await s.find("event-editor");
      await s.fill("field-title", EVENT);
      await s.fill("field-start_date", "15.03.2027");
      await s.fill("field-end_date", "15.03.2027");
      await s.fill("field-start_time", "15:00");
      await s.fill("field-end_time", "16:00");
      const picked = await pickPerson(s, "field-responsible", "Гусевой", "Гусева Т.М.");
      assert.equal(picked, full[0]);
      await s.waitUntil(async () => (await s.attr(await s.find("field-responsible"), "data-person")) === String(full[0]), {
        message: "the field holds the person",
      });
      assert.equal(await s.prop(await s.find("field-responsible"), "value"), "Гусева Т.М.");
      await s.find("responsible-linked");
      await shot(s, "persons-responsible.png");
      await s.clickId("event-save");
      await s.gone("event-editor");
      await s.waitText("event-card", "Гусева Т.М.");

      // Her card names the event.
      await s.clickId("nav-persons");
      await s.fill("persons-search", "Гусева");
      await s.waitText("persons-count", "Найдено: 1");
      await s.click(await s.findCss(`[data-testid="person-row"][data-id="${full[0]}"]`));
      await s.waitText("person-responsible", EVENT);

      // The narrow window: the card and the list still fit.
      const resized = await s
        .cmd("POST", "/window/rect", { width: 1024, height: 640 })
        .then(() => true)
        .catch((e) => {
          t.diagnostic(`window not resized: ${e.message}`);
          return false;
        });
      if (resized) {
        await s.waitUntil(async () => (await s.exec(`return window.innerWidth;`)) <= 1100, { message: "the window becomes narrow" });
        const overflow = () => s.exec(`return document.documentElement.scrollWidth - document.documentElement.clientWidth;`);
        assert.ok((await overflow()) <= 0, "the card fits at 1024 px");
        await shot(s, "persons-card-narrow.png");
        await s.clickId("person-back");
        // Esc empties the search box.
        await s.type(await s.find("persons-search"), Keys.ESCAPE);
        await s.waitText("persons-count", "32 человека");
        assert.ok((await overflow()) <= 0, "the list fits at 1024 px");
        await shot(s, "persons-list-narrow.png");
      }
    },
    { dataDir: dir },
  );
});
