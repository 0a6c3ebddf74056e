// Agreement templates in Russian words (issue 14 §5) in the real window: on
// the demo, «Шаблоны» shows the built-in template with Russian field names
// and its preview; «Поля» opens the picker, a search finds the
// institution's ИНН with its value as the example, Enter puts the field in
// at the cursor, the template is saved and the preview PDF holds the value;
// an unknown field is named with its line. Saves build/e2e/templates.png,
// templates-picker.png and, at 1024×640, templates-narrow.png and
// templates-picker-narrow.png.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, newDataDir, OUT, resize, withApp } from "./harness.mjs";

const ENTER = "\uE007";
const ARROW_DOWN = "\uE015";
const ESCAPE = "\uE00C";
const TEXTAREA = '[data-testid="templates-editor"] textarea';
const source = (s) => s.exec(`return document.querySelector('${TEXTAREA}').value;`);
const flat = (text) => text.replace(/-\s*\n\s*/g, "").replace(/[\s\u00ad]+/g, " ");

/** The PDF the preview gets for `template` on agreement `id`, as text. */
async function previewText(s, id, template, dir) {
  const b64 = await s.exec(
    `return window.__TAURI_INTERNALS__.invoke("agreements_template_preview", { id: arguments[0], template: arguments[1] })
       .then((b) => { const u = new Uint8Array(b); let out = ""; for (const x of u) out += String.fromCharCode(x); return btoa(out); },
             (e) => "ERROR " + JSON.stringify(e));`,
    [id, template],
  );
  assert.ok(!b64.startsWith("ERROR"), b64);
  const path = join(dir, "preview.pdf");
  writeFileSync(path, Buffer.from(b64, "base64"));
  return flat(execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" }));
}

/** Elements of the picker that stick out of it sideways. */
const clipped = (s) =>
  s.exec(
    `const box = document.querySelector('[data-testid="field-picker"]').getBoundingClientRect();
     return [...document.querySelectorAll('[data-testid="field-picker"] *')]
       .filter((e) => e.getBoundingClientRect().right > box.right + 1)
       .map((e) => e.tagName + ":" + (e.innerText ?? "").slice(0, 30));`,
  );

test("the field picker finds a field in Russian, puts it in, the preview prints its value", async (t) => {
  const dir = newDataDir("templates");
  const files = mkdtempSync(join(tmpdir(), "partnernet-templates-"));
  const viaCli = cliDemo(dir);
  await withApp(
    t,
    async (s) => {
      if (!viaCli) await s.clickId("demo-fill");
      await s.clickId("nav-agreements");
      await s.clickId("agreements-tab-templates");
      await s.find("templates-editor");
      await s.waitUntil(async () => (await s.$$('[data-testid="templates-editor"] [data-testid="brochure-page"]')).length >= 1, {
        timeout: 20_000,
        message: "the template preview shows pages",
      });
      assert.equal((await s.$$('[data-testid="template-problem"]')).length, 0, "the built-in template renders");
      const before = await source(s);
      for (const words of ["{{ учреждение.руководитель.в_лице }}", "{% for партнёр in партнёры %}", "[[реквизиты]]"]) {
        assert.ok(before.includes(words), `the built-in template reads «${words}»`);
      }
      const id = Number(await s.prop(await s.find("template-agreement"), "value"));
      assert.ok(id > 0, "a demo agreement is picked for the preview");
      await s.screenshot(join(OUT, "templates.png"));

      // The cursor at the very start; «Поля» opens the picker over the text.
      await s.exec(`const ta = document.querySelector('${TEXTAREA}'); ta.focus(); ta.setSelectionRange(0, 0);`);
      await s.clickId("template-fields");
      await s.find("field-picker");
      const groups = await s.exec(`return [...document.querySelectorAll('[data-testid="field-picker"] h3')].map((h) => h.textContent);`);
      for (const g of ["Договор", "Учреждение", "Партнёры", "План мероприятий", "Фильтры", "Строки-метки"]) {
        assert.ok(groups.includes(g), `the group «${g}» is listed: ${groups}`);
      }
      await s.type(await s.find("field-search"), "инн учреждени");
      const names = await s.waitUntil(
        async () => {
          const n = await s.texts("merge-field");
          return n.length === 1 ? n : null;
        },
        { message: "the search leaves one field" },
      );
      assert.deepEqual(names, ["учреждение.реквизиты.инн"]);
      const inn = (await s.texts("merge-field-example"))[0];
      assert.match(inn, /^\d{10}$/, "the example is the institution's ИНН");
      await s.screenshot(join(OUT, "templates-picker.png"));
      await s.press(ENTER);
      await s.gone("field-picker");
      await s.waitUntil(async () => (await source(s)) === "{{ учреждение.реквизиты.инн }}" + before, {
        message: "Enter puts the field in at the cursor",
      });

      // Inside the partners' loop the picker puts in the loop's item.
      await s.exec(
        `const ta = document.querySelector('${TEXTAREA}'); const at = ta.value.indexOf("{{ партнёр.полное_наименование }}");
         ta.focus(); ta.setSelectionRange(at, at);`,
      );
      await s.clickId("template-fields");
      const search = await s.find("field-search");
      await s.exec(`document.querySelector('[data-testid="field-search"]').select();`);
      await s.type(search, "партнёр краткое");
      await s.waitUntil(async () => (await s.texts("merge-field")).includes("партнёры[0].краткое_наименование"), {
        message: "the partner's short name is found",
      });
      await s.click(await s.findCss('[data-testid="merge-field-item"]'));
      await s.waitUntil(async () => (await source(s)).includes("{{ партнёр.краткое_наименование }}{{ партнёр.полное_наименование }}"), {
        message: "inside the loop the field goes in as партнёр.…",
      });
      await s.exec(`document.execCommand("undo");`);
      await s.waitUntil(async () => (await source(s)) === "{{ учреждение.реквизиты.инн }}" + before, { message: "undo takes it back" });

      // Saved; the preview (and the export) print the value.
      await s.clickId("template-save");
      await s.waitUntil(async () => (await s.pageText()).includes("Шаблон сохранён"), { message: "the template is saved" });
      const text = await previewText(s, id, await source(s), files);
      assert.ok(text.startsWith(inn) || text.includes(` ${inn} `), `the preview prints the ИНН ${inn}: ${text.slice(0, 200)}`);
      const pdfPath = join(files, "export.pdf");
      const written = await s.exec(
        `return window.__TAURI_INTERNALS__.invoke("agreements_export", { id: arguments[0], format: "pdf", path: arguments[1] })
           .then((p) => p, (e) => "ERROR " + JSON.stringify(e));`,
        [id, pdfPath],
      );
      assert.equal(written, pdfPath, `export answered ${written}`);
      assert.ok(flat(execFileSync("pdftotext", ["-enc", "UTF-8", pdfPath, "-"], { encoding: "utf8" })).includes(inn), "the saved template prints it");

      // An unknown field: the problem names it and its line.
      await s.exec(`const ta = document.querySelector('${TEXTAREA}'); ta.focus(); ta.setSelectionRange(0, 0);`);
      await s.exec(`document.execCommand("insertText", false, "Текст\\n\\n{{ неизвестное }}\\n");`);
      const problem = await s.waitText("template-problem", (x) => x.includes("неизвестное"), { timeout: 15_000 });
      assert.match(problem, /К строке 3/);
      assert.match(problem, /нет поля «неизвестное»; поля — в списке «Поля»/);
      await s.exec(`document.execCommand("undo");`);
      await s.waitUntil(async () => (await s.$$('[data-testid="template-problem"]')).length === 0, {
        timeout: 15_000,
        message: "the problem goes with the field",
      });

      // The smallest window: the picker fits, nothing sticks out.
      if (await resize(s, t, 1024, 640)) {
        await s.screenshot(join(OUT, "templates-narrow.png"));
        await s.clickId("template-fields");
        await s.find("field-picker");
        await s.press(ESCAPE); // the first Esc empties the search, the list is whole again
        await s.waitUntil(async () => (await s.texts("merge-field")).length > 40, { message: "every field is listed" });
        await s.press(ARROW_DOWN);
        await s.press(ARROW_DOWN);
        assert.deepEqual(await clipped(s), [], "nothing sticks out of the picker at 1024 px");
        await s.screenshot(join(OUT, "templates-picker-narrow.png"));
      }

      // Back to the built-in template.
      await s.clickId("template-reset");
      await s.clickId("confirm-ok");
      await s.waitUntil(async () => (await source(s)) === before, { message: "reset brings the built-in template back" });
    },
    { dataDir: dir },
  );
  rmSync(files, { recursive: true, force: true });
});
