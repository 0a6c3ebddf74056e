// Agreements in the real window (issue 4): on a demo-filled folder, a
// network-form agreement (Art. 15) with two partners is created with one of
// the five items left empty; it goes to approval, but signing is refused with
// the core's message naming the missing item; once the item is filled it is
// signed and exported as a PDF that holds both partners' names. Saves
// build/e2e/agreements.png (the list).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, newDataDir, OUT, withApp } from "./harness.mjs";
import { Keys } from "./webdriver.mjs";

const ARROW_DOWN = "\uE015";

const PARTNERS = ["МБОУ «СОШ № 1»", "МБУК «ЦБС»"];
const NUMBER = "77-Э/2026";
const SUBJECT = "Совместная реализация программы «Юные исследователи родного края»";
const ART15 = {
  programme: "Дополнительная общеразвивающая программа естественнонаучной направленности «Юные исследователи родного края», стартовый уровень.",
  learners: "Обучающиеся зачисляются приказом Учреждения и сохраняют свой статус при освоении части программы на базе Партнёров.",
  duties: "Учреждение ведёт теоретические занятия; Партнёры предоставляют кабинеты, фонды и оборудование по графику.",
  documents: "Сертификат об освоении программы выдаёт Учреждение.",
};
const TERM = "Договор действует до 31 мая 2027 г.; изменяется и расторгается по соглашению сторон в письменной форме.";
const shot = (s, name) => s.screenshot(join(OUT, name));

/**
 * Picks a partner in the n-th search-as-you-type picker with this test id:
 * types part of the name, waits for the core's matches and takes `label`
 * with the keyboard (↓ to it, Enter), then checks the box shows its name.
 */
async function pickPartner(s, testid, index, label, typed) {
  const box = (await s.$$(`[data-testid="${testid}"]`))[index];
  assert.ok(box, `${testid}[${index}] is there`);
  await s.click(box);
  await s.type(box, typed);
  const option = `[data-testid="${testid.replace(/-select$/, "")}-option"], [data-testid="${testid}-option"]`;
  const at = await s.waitUntil(
    async () => {
      // The list answers what was typed (not the first partners shown on the click).
      const texts = await s.exec(
        `const list = document.querySelector('[role="listbox"][data-answers="' + arguments[1] + '"]');
         return list ? [...list.querySelectorAll(arguments[0])].map((o) => o.querySelector(".name").textContent.trim()) : [];`,
        [option, typed],
      );
      const i = texts.indexOf(label);
      return i >= 0 ? { i } : null;
    },
    { message: `«${label}» is offered for «${typed}»` },
  );
  for (let i = 0; i < at.i; i++) await s.press(ARROW_DOWN);
  await s.press(Keys.ENTER);
  await s.waitUntil(async () => (await s.prop(box, "value")) === label, { message: `${testid}[${index}] shows «${label}»` });
}

async function moveTo(s, status, expectLabel) {
  await s.clickId(`status-to-${status}`);
  await s.find("status-confirm");
  await s.clickId("status-confirm");
  await s.gone("status-confirm");
  await s.waitText("agreement-status", expectLabel);
}

test("Art. 15 agreement: refused signing lists the missing item, then signed and exported", async (t) => {
  const dir = newDataDir("agreements");
  const viaCli = cliDemo(dir);
  const pdfPath = join(dir, "exported-agreement.pdf");

  await withApp(
    t,
    async (s) => {
      if (!viaCli) await s.clickId("demo-fill");
      // A filled folder opens on «Главная»; the reminders block is there and
      // the sidebar badge counts the same agreements.
      if (viaCli) {
        await s.find("home-reminders");
        const rows = (await s.$$('[data-testid="reminder-row"]')).length;
        const badges = await s.texts("agreements-badge");
        if (rows > 0) assert.equal(Number(badges[0]), rows, "the badge counts the reminders");
        else assert.equal(badges.length, 0, "no badge without reminders");
        // Statuses keep themselves: the demo's agreement past its end was
        // «действует»; at start it becomes «истёк» and she is told so.
        await s.waitUntil(async () => (await s.texts("toast")).some((t) => /4\/2025 истекло/.test(t)), {
          message: "a toast says agreement 4/2025 expired",
        });
      }

      // The list of the demo agreements.
      await s.clickId("nav-agreements");
      await s.waitUntil(async () => (await s.$$('[data-testid="agreement-row"]')).length >= 5, {
        message: "the demo agreements are listed",
      });
      await s.waitUntil(async () => (await s.$$('[data-testid="toast"]')).length === 0, { timeout: 12000 }).catch(() => {});
      if (viaCli) {
        const expired = await s.exec(
          `return [...document.querySelectorAll('[data-testid="agreement-row"]')].find((r) => r.innerText.includes("4/2025"))?.innerText ?? "";`,
        );
        assert.match(expired, /истёк/, `4/2025 reads «истёк» in the list: ${expired}`);
      }
      await shot(s, "agreements.png");

      // The partner filter searches the registry as you type (never lists it
      // whole); × gives all agreements back.
      const allRows = (await s.$$('[data-testid="agreement-row"]')).length;
      await pickPartner(s, "filter-agreement-partner", 0, PARTNERS[1], "цбс");
      await s.waitText("agreements-count", "Найдено");
      const filtered = await s.waitUntil(async () => {
        const n = (await s.$$('[data-testid="agreement-row"]')).length;
        return n > 0 && n < allRows ? n : null;
      }, { message: "the list is filtered by the partner" });
      const partiesShown = await s.exec(`return [...document.querySelectorAll('[data-testid="agreement-row"]')].every((r) => r.innerText.includes(arguments[0]));`, [PARTNERS[1]]);
      assert.ok(partiesShown, `each of the ${filtered} rows names ${PARTNERS[1]}`);
      // Open again: the first partners by name, narrowed as you type; Esc closes.
      await s.click(await s.find("filter-agreement-partner"));
      await s.findCss('[data-testid="filter-agreement-partner-option"]');
      await shot(s, "agreements-partner-picker.png");
      await s.press(Keys.ESCAPE);
      await s.gone("filter-agreement-partner-option");
      assert.equal(await s.prop(await s.find("filter-agreement-partner"), "value"), PARTNERS[1], "Esc keeps the chosen partner");
      await s.clickId("filter-agreement-partner-clear");
      await s.waitUntil(async () => (await s.$$('[data-testid="agreement-row"]')).length === allRows, { message: "× shows all agreements again" });

      // A new network-form agreement with two partners.
      await s.clickId("agreement-new");
      await s.find("agreement-editor");
      await s.select("agreement-kind", "network_program");
      await s.clickId("step-parties");
      await s.clickId("agreement-party-add");
      await s.clickId("agreement-party-add");
      await s.waitUntil(async () => (await s.$$('[data-testid="agreement-party-select"]')).length === 2);
      await pickPartner(s, "agreement-party-select", 0, PARTNERS[0], "СОШ 1");
      await pickPartner(s, "agreement-party-select", 1, PARTNERS[1], "ЦБС");

      await s.clickId("step-content");
      await s.fill("field-number", NUMBER);
      await s.fill("field-subject", SUBJECT);
      for (const [key, text] of Object.entries(ART15)) await s.fill(`field-art15.${key}`, text);
      // field-art15.term stays empty.
      await s.clickId("step-term");
      await s.fill("field-start_date", "01.09.2026");
      await s.fill("field-end_date", "31.05.2027");
      await s.fill("field-responsible", "Гришина Е.А., методист");
      await s.click(await s.find("field-notes")); // leave the date field: it commits
      await shot(s, "step-agreement-editor.png");
      await s.clickId("agreement-save");

      // The card opens as a draft.
      const card = await s.find("agreement-card");
      const id = Number(await s.attr(card, "data-id"));
      assert.ok(id > 0, "the card knows its agreement");
      await s.waitText("agreement-title", NUMBER);
      await s.waitText("agreement-status", "черновик");

      // To approval: allowed with an empty item.
      await moveTo(s, "on_approval", "на согласовании");

      // Signing is refused: the message names the empty Art. 15 item.
      await s.clickId("status-to-signed");
      await s.waitText("signing-problems", "срок действия договора");
      await s.clickId("status-confirm");
      const refusal = await s.waitText("status-error", "Не заполнено");
      assert.match(refusal, /срок действия договора, порядок его изменения и прекращения/, `the refusal lists the item: ${refusal}`);
      assert.doesNotMatch(refusal, /вид, уровень и направленность/, "filled items are not listed");
      await shot(s, "step-agreement-refused.png");
      await s.exec(`document.querySelector('[data-testid="status-dialog"] .dialog-footer .btn:not(.primary)').click();`);
      await s.gone("status-confirm");
      await s.waitText("agreement-status", "на согласовании");

      // Fill the item and save.
      await s.clickId("agreement-edit");
      await s.find("agreement-editor");
      await s.clickId("step-content");
      await s.fill("field-art15.term", TERM);
      await s.clickId("agreement-save");
      await s.find("agreement-card");
      await s.gone("agreement-editor");

      // Now it is signed, and the history keeps every step.
      await moveTo(s, "signed", "подписан");
      const history = await s.text(await s.find("status-history"));
      for (const label of ["черновик", "на согласовании", "подписан"]) assert.ok(history.includes(label), `history has «${label}»: ${history}`);
      assert.equal((await s.$$('[data-testid="status-to-active"]')).length, 1, "a signed agreement can come into force next");

      // Export the PDF through the app's own backend to an explicit path (the
      // native save dialog is driven in dialogs.test.mjs).
      const written = await s.exec(
        `return window.__TAURI_INTERNALS__.invoke("agreements_export", { id: arguments[0], format: "pdf", path: arguments[1] })
           .then((p) => p, (e) => "ERROR " + JSON.stringify(e));`,
        [id, pdfPath],
      );
      assert.equal(written, pdfPath, `export answered ${written}`);
      assert.ok(existsSync(pdfPath), "the PDF was written");
      assert.equal(readFileSync(pdfPath).subarray(0, 4).toString("latin1"), "%PDF");
      const text = execFileSync("pdftotext", [pdfPath, "-"], { encoding: "utf8" });
      // Words hyphenated at line ends are joined back; spaces do not count.
      const flat = text.replace(/-\s*\n\s*/g, "").replace(/[\s\u00ad]+/g, "");
      const squeeze = (x) => x.replace(/\s+/g, "");
      const names = await s.exec(
        `return window.__TAURI_INTERNALS__.invoke("partners_list", { filter: { query: "", types: [], relation_kinds: [], stages: [] } })
           .then((list) => list.filter((p) => arguments[0].includes(p.short_name)).map((p) => [p.short_name, p.full_name]));`,
        [PARTNERS],
      );
      assert.equal(names.length, 2, `both partners found: ${JSON.stringify(names)}`);
      for (const [short, full] of names) {
        assert.ok(flat.includes(squeeze(full)) || flat.includes(squeeze(short)), `the PDF names «${full}» (${short})`);
      }
      assert.ok(flat.includes(NUMBER.replace(/\s+/g, "")), "the PDF carries the number");

      // The export is kept as a version in the card.
      await s.clickId("agreement-back");
      await s.fill("agreements-search", NUMBER);
      await s.waitUntil(async () => (await s.$$('[data-testid="agreement-row"]')).length === 1, {
        message: `the search «${NUMBER}» finds exactly this agreement`,
      });
      // A cell, not the <tr>: WebKitWebDriver finds table rows "not interactable".
      await s.click(await s.findCss(`[data-testid="agreement-row"][data-id="${id}"] td.subject`));
      await s.find("agreement-card");
      await s.waitUntil(async () => (await s.$$('[data-testid="attachment-row"][data-kind="version"]')).length >= 1, {
        message: "the exported PDF is listed as a version",
      });
      await shot(s, "step-agreement-signed.png");

      // The partner's card lists the agreement.
      await s.click(await s.findCss('[data-testid="agreement-card"] .facts .link'));
      await s.find("partner-card");
      await s.clickId("tab-agreements");
      await s.findCss(`[data-testid="partner-agreement-row"][data-id="${id}"]`);
    },
    { dataDir: dir },
  );
  rmSync(dir, { recursive: true, force: true });
});

test("templates with merge fields and preview, agreement settings, trash with undo", async (t) => {
  const dir = newDataDir("agr-templates");
  const viaCli = cliDemo(dir);
  await withApp(
    t,
    async (s) => {
      if (!viaCli) await s.clickId("demo-fill");

      // Templates: the merge fields, click-to-insert, the preview on a demo agreement.
      await s.clickId("nav-agreements");
      await s.clickId("agreements-tab-templates");
      await s.find("templates-editor");
      await s.waitUntil(async () => (await s.$$('[data-testid="templates-editor"] [data-testid="brochure-page"]')).length >= 1, {
        timeout: 20_000,
        message: "the template preview shows pages",
      });
      assert.equal((await s.$$('[data-testid="template-problem"]')).length, 0, "the default template renders");
      const before = await s.exec(`return document.querySelector('[data-testid="templates-editor"] textarea').value;`);
      await s.exec(`const ta = document.querySelector('[data-testid="templates-editor"] textarea'); ta.focus(); ta.setSelectionRange(0, 0);`);
      // «Поля» opens the field picker (e2e/templates.test.mjs tries it in full).
      await s.clickId("template-fields");
      await s.waitUntil(async () => (await s.$$('[data-testid="merge-field"]')).length >= 5, {
        message: "the merge fields are listed",
      });
      const field = (await s.$$('[data-testid="merge-field"]'))[0];
      const name = (await s.text(field)).trim();
      await s.click(field);
      await s.waitUntil(
        async () => (await s.exec(`return document.querySelector('[data-testid="templates-editor"] textarea').value;`)) === `{{ ${name} }}` + before,
        { message: `clicking «${name}» inserts it at the cursor` },
      );
      await s.clickId("template-save");
      await s.waitUntil(async () => (await s.pageText()).includes("Шаблон сохранён"), { message: "the template is saved" });
      await s.clickId("template-reset");
      await s.clickId("confirm-ok");
      await s.waitUntil(
        async () => (await s.exec(`return document.querySelector('[data-testid="templates-editor"] textarea').value;`)) === before,
        { message: "reset brings the default back" },
      );

      // Settings → «Договоры».
      await s.clickId("nav-settings");
      await s.clickId("settings-agreements");
      await s.waitUntil(async () => (await s.prop(await s.find("field-reminder_days"), "value")) === "30", {
        message: "the reminder window defaults to 30 days",
      });
      assert.match(await s.prop(await s.find("field-number_scheme"), "value"), /\{n\}/);

      // Delete an agreement: undo from the toast, then again and restore from the trash.
      await s.clickId("nav-agreements");
      await s.clickId("agreements-tab-list");
      const rows = await s.waitUntil(async () => {
        const r = await s.$$('[data-testid="agreement-row"]');
        return r.length ? r : null;
      });
      const id = await s.attr(rows[0], "data-id");
      await s.click(await s.findCss(`[data-testid="agreement-row"][data-id="${id}"] td.subject`));
      await s.find("agreement-card");
      await s.clickId("agreement-delete");
      await s.find("toast-undo");
      assert.equal((await s.$$(`[data-testid="agreement-row"][data-id="${id}"]`)).length, 0, "it left the list");
      await s.clickId("toast-undo");
      await s.findCss(`[data-testid="agreement-row"][data-id="${id}"]`);
      await s.click(await s.findCss(`[data-testid="agreement-row"][data-id="${id}"] td.subject`));
      await s.clickId("agreement-delete");
      await s.find("toast-undo");
      await s.clickId("nav-trash");
      await s.findCss(`[data-testid="agreement-trash-row"][data-id="${id}"]`);
      await s.click(await s.findCss(`[data-testid="agreement-trash-row"][data-id="${id}"] [data-testid="agreement-trash-restore"]`));
      await s.waitUntil(async () => (await s.$$(`[data-testid="agreement-trash-row"][data-id="${id}"]`)).length === 0, {
        message: "the restored agreement left the trash",
      });
      await s.clickId("nav-agreements");
      await s.findCss(`[data-testid="agreement-row"][data-id="${id}"]`);
    },
    { dataDir: dir },
  );
});
