// Several templates per kind (issue 14 §5) in the real window: on the demo,
// «Шаблоны» makes a second template «Для музеев» with its own text; the
// agreement editor's «Шаблон» chooses it for a draft; the preview and the
// export print its text, the card names it; «Сохранить в файл…» writes it
// through the native dialog; deleting it asks, saying the agreement moves to
// the default, and the export prints the default again; «Открыть из
// файла…» brings the saved file back as a new template named after it.
// Saves build/e2e/template-variants.png, template-variants-menu.png,
// template-variants-editor.png and, at 1024×640, the *-narrow.png ones.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, newDataDir, OUT, resize, withApp } from "./harness.mjs";
import { answerOpen, answerSave } from "./xdialog.mjs";

const TEXTAREA = '[data-testid="templates-editor"] textarea';
const MARK = "Шаблон для музеев и библиотек.";
const flat = (text) => text.replace(/-\s*\n\s*/g, "").replace(/[\s\u00ad]+/g, " ");

/** Calls a command; bytes come back as base64, errors as "ERROR …". */
function invoke(s, command, args) {
  return s.exec(
    `return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(
       (r) => { if (r instanceof ArrayBuffer || ArrayBuffer.isView(r)) { const u = new Uint8Array(r.buffer ?? r); let out = ""; for (const x of u) out += String.fromCharCode(x); return btoa(out); } return r; },
       (e) => "ERROR " + JSON.stringify(e));`,
    [command, args],
  );
}

function pdfText(b64, dir, name) {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(b64, "base64"));
  return flat(execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" }));
}

async function exported(s, id, dir, name) {
  const path = join(dir, name);
  const written = await invoke(s, "agreements_export", { id, format: "pdf", path });
  assert.equal(written, path, `export answered ${written}`);
  return flat(execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" }));
}

/** The live preview has taken the last change (it waits 0.7 s, then renders). */
async function settled(s) {
  await new Promise((r) => setTimeout(r, 1000));
  await s.waitUntil(async () => !(await s.pageText()).includes("Обновление…"), { timeout: 20_000, message: "the preview is up to date" });
}

/** Elements of `selector` that stick out of the window sideways. */
const clipped = (s, selector) =>
  s.exec(
    `return [...document.querySelectorAll(arguments[0] + ' *')]
       .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > window.innerWidth + 1)
       .map((e) => e.tagName + ":" + (e.innerText ?? "").slice(0, 30));`,
    [selector],
  );

test("a second template is made, chosen in the editor, printed, and deleted with its agreement moved", async (t) => {
  const dir = newDataDir("template-variants");
  const files = mkdtempSync(join(tmpdir(), "partnernet-variants-"));
  const viaCli = cliDemo(dir);
  await withApp(
    t,
    async (s) => {
      if (!viaCli) await s.clickId("demo-fill");
      await s.clickId("nav-agreements");
      // A draft: its template may still be changed.
      const list = await invoke(s, "agreements_list", { filter: { query: "", kinds: [], statuses: ["draft", "on_approval"], partner_id: null, ending_soon: false } });
      assert.ok(Array.isArray(list) && list.length > 0, `the demo has a draft: ${JSON.stringify(list).slice(0, 200)}`);
      const { id, kind } = list[0];

      // «Шаблоны»: the kind of the draft, its built-in template is the default.
      await s.clickId("agreements-tab-templates");
      await s.find("templates-editor");
      await s.select("template-kind", kind);
      const chosenOption = () => s.exec(`const e = document.querySelector('[data-testid="template-variant"]'); return e?.selectedOptions[0]?.textContent ?? "";`);
      await s.waitUntil(async () => (await chosenOption()) === "Стандартный — по умолчанию", {
        message: "the built-in template is listed as the default",
      });

      // «Новый шаблон» «Для музеев»: a copy of the open one, with its own text.
      await s.clickId("template-new");
      await s.find("template-name-dialog");
      await s.fill("template-name", "Для музеев");
      await s.clickId("template-name-ok");
      await s.waitUntil(async () => (await s.pageText()).includes("Создан шаблон «Для музеев»"), { message: "the template is created" });
      const museums = await s.waitUntil(async () => {
        const l = await invoke(s, "agreements_templates", { kind });
        return Array.isArray(l) ? l.find((x) => x.name === "Для музеев") : null;
      });
      await s.waitUntil(async () => (await s.prop(await s.find("template-variant"), "value")) === String(museums.id), {
        message: "the new template is open",
      });
      await s.exec(`const ta = document.querySelector('${TEXTAREA}'); ta.focus(); ta.setSelectionRange(ta.value.indexOf("# 1."), ta.value.indexOf("# 1."));`);
      await s.exec(`document.execCommand("insertText", false, arguments[0] + "\\n\\n");`, [MARK]);
      await s.clickId("template-save");
      await s.waitUntil(async () => (await s.pageText()).includes("Шаблон сохранён"), { message: "its text is saved" });
      await s.waitUntil(async () => (await s.$$('[data-testid="templates-editor"] [data-testid="brochure-page"]')).length >= 1, {
        timeout: 20_000,
        message: "the preview shows pages",
      });
      await settled(s);
      await s.screenshot(join(OUT, "template-variants.png"));
      await s.clickId("template-actions");
      await s.find("template-delete");
      await s.screenshot(join(OUT, "template-variants-menu.png"));
      await s.press("\uE00C");

      // The default template still prints the built-in text.
      assert.ok(!(await exported(s, id, files, "before.pdf")).includes(MARK), "not chosen yet, not printed");

      // The editor: «Шаблон» on the first step lists both; «Для музеев» is chosen.
      await s.clickId("agreements-tab-list");
      await s.click(await s.findCss(`[data-testid="agreement-row"][data-id="${id}"] td.subject`));
      await s.find("agreement-card");
      await s.clickId("agreement-edit");
      await s.find("agreement-editor");
      await s.clickId("step-kind");
      const options = await s.waitUntil(async () => {
        const o = await s.exec(`return [...document.querySelectorAll('[data-testid="agreement-template"] option')].map((o) => o.textContent);`);
        return o.length === 3 ? o : null;
      });
      assert.deepEqual(options, ["По умолчанию — «Стандартный»", "Стандартный", "Для музеев"]);
      await s.select("agreement-template", String(museums.id));
      // The live preview is made from the form with its choice.
      const form = await invoke(s, "agreements_get", { id });
      const preview = await invoke(s, "agreements_preview", { input: { ...form, template_id: museums.id }, template: null });
      assert.ok(!String(preview).startsWith("ERROR"), preview);
      assert.ok(pdfText(preview, files, "preview.pdf").includes(MARK), "the preview prints the chosen template");
      await settled(s);
      await s.screenshot(join(OUT, "template-variants-editor.png"));
      await s.clickId("agreement-save");
      await s.find("agreement-card");
      assert.equal(await s.waitText("agreement-template-name", (x) => x.length > 0), "«Для музеев»", "the card names the template");
      assert.ok((await exported(s, id, files, "chosen.pdf")).includes(MARK), "the export prints the chosen template");

      /** «Шаблоны» again, on «Для музеев» with its text. */
      async function openMuseums() {
        await s.select("template-kind", kind);
        await s.findCss(`[data-testid="template-variant"] option[value="${museums.id}"]`, { visible: false });
        await s.select("template-variant", String(museums.id));
        await s.waitUntil(async () => (await s.exec(`return document.querySelector('${TEXTAREA}').value;`)).includes(MARK), {
          message: "«Для музеев» is open with its text",
        });
      }

      // Narrow window: the templates bar and the editor's choice fit.
      if (await resize(s, t, 1024, 640)) {
        await s.clickId("agreement-edit");
        await s.find("agreement-editor");
        await s.clickId("step-kind");
        await s.find("agreement-template");
        assert.deepEqual(await clipped(s, '[data-testid="agreement-editor"]'), [], "nothing sticks out of the editor at 1024 px");
        await settled(s);
      await s.screenshot(join(OUT, "template-variants-editor-narrow.png"));
        await s.clickId("agreement-editor-back");
        await s.find("agreement-card");
        await s.clickId("agreement-back");
        await s.clickId("agreements-tab-templates");
        await s.find("templates-editor");
        await openMuseums();
        assert.deepEqual(await clipped(s, '[data-testid="templates-editor"]'), [], "nothing sticks out of the templates page at 1024 px");
        await settled(s);
      await s.screenshot(join(OUT, "template-variants-narrow.png"));
      } else {
        await s.clickId("agreement-back");
        await s.clickId("agreements-tab-templates");
        await s.find("templates-editor");
        await openMuseums();
      }

      // «Действия» → «Сохранить в файл…»: the native save dialog proposes her name; the text is written.
      await s.waitUntil(async () => (await s.prop(await s.find("template-variant"), "value")) === String(museums.id), { message: "«Для музеев» is open" });
      await s.clickId("template-actions");
      await s.clickId("template-save-file");
      // The proposed name in the last folder saved to (the exports' folder) is kept: nothing typed.
      const saved = join(files, "Для музеев.txt");
      await answerSave("Сохранить шаблон договора в файл", null, "template-variants-save-dialog.png");
      await s.waitUntil(async () => (await s.pageText()).includes("Шаблон «Для музеев» сохранён в файл"), { message: "the toast says where" });
      assert.ok(existsSync(saved) && readFileSync(saved, "utf8").includes(MARK), "the file holds her text");

      // Deleting it asks, saying the agreement goes back to the default.
      await s.clickId("template-actions");
      await s.clickId("template-delete");
      const question = await s.waitUntil(async () => {
        const x = await s.pageText();
        return x.includes("Удалить шаблон?") ? x : null;
      });
      assert.ok(question.includes("1 договор выбрал его; он перейдёт на шаблон по умолчанию «Стандартный»"), question);
      await s.clickId("confirm-ok");
      await s.waitUntil(async () => (await s.pageText()).includes("Шаблон удалён; 1 договор перешёл на шаблон по умолчанию"), {
        message: "the toast says how many moved",
      });
      const after = await invoke(s, "agreements_get", { id });
      assert.equal(after.template_id, null, "the agreement follows the default again");
      assert.ok(!(await exported(s, id, files, "after.pdf")).includes(MARK), "the default prints again");

      // «Открыть из файла…»: the saved file comes back as a template named after it, open in the editor.
      await s.clickId("template-actions");
      await s.clickId("template-open-file");
      // Typed into GTK's field as an ASCII path: xdotool can drop a Cyrillic letter (a Russian name: tests/agreement_template_files.rs).
      const given = join(files, "museums.txt");
      copyFileSync(saved, given);
      await answerOpen("Открыть шаблон договора из файла", given, "template-variants-open-dialog.png");
      await s.waitUntil(async () => (await s.pageText()).includes("Шаблон «museums» открыт из файла"), { message: "the toast names it" });
      await s.waitUntil(async () => (await s.exec(`return document.querySelector('${TEXTAREA}').value;`)).includes(MARK), {
        message: "the opened template is in the editor with the file's text",
      });
      await s.screenshot(join(OUT, "template-variants-opened.png"));
    },
    { dataDir: dir },
  );
  rmSync(files, { recursive: true, force: true });
});
