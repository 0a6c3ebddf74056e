// Import of partners from a table in the real window (issue 12 §1): the
// demo's partners exported as XLSX by the CLI (`partnernet export partners`)
// are imported into an empty database through Партнёры → «Импорт…», the
// native open dialog, the mapping and the dry run; all of them arrive with
// their requisites; then the import is undone from Настройки → Данные.
// A second CSV with a wrong ИНН and a partner matched by name checks the
// problems and her decision. Screenshots: imports-mapping.png,
// imports-preview.png, imports-problems.png, imports-settings.png
// and -narrow at 1024×640.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, cliDemo, newDataDir, OUT, resize, withApp } from "./harness.mjs";
import { answerOpen } from "./xdialog.mjs";

const invoke = (s, cmd, args) =>
  s.exec(
    `return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
       .then((r) => ({ ok: r }), (e) => ({ err: e }));`,
    [cmd, args],
  );

const partnersJson = (dir) =>
  JSON.parse(execFileSync(CLI, ["--data-dir", dir, "partners", "list", "--json"], { encoding: "utf8" }));

test("the demo's partners from an XLSX into an empty database: mapping, dry run, import, undo", async (t) => {
  const demo = newDataDir("imports-demo");
  if (!cliDemo(demo)) {
    t.skip("the CLI is not built");
    return;
  }
  // An ASCII name: xdotool can drop a Cyrillic letter typed into GTK's field on a loaded machine.
  const xlsx = join(demo, "partners-demo.xlsx");
  execFileSync(CLI, ["--data-dir", demo, "export", "partners", "-o", xlsx], { stdio: ["ignore", "pipe", "pipe"] });
  const originals = partnersJson(demo);
  assert.ok(originals.length > 10, "the demo has partners");

  const empty = newDataDir("imports");
  await withApp(
    t,
    async (s) => {
      await resize(s, t, 1280, 800);
      await s.clickId("start-empty");
      await s.clickId("nav-partners");
      await s.clickId("partners-import");
      await answerOpen("Импорт партнёров из таблицы", xlsx);
      await s.find("import-mapping");
      const fields = await s.exec(
        `return [...document.querySelectorAll('[data-testid="import-field"]')].map((e) => e.value);`,
      );
      for (const f of ["short_name", "full_name", "inn", "kpp", "ogrn", "head_full_name", "bank_account", "contacts"]) {
        assert.ok(fields.includes(f), `the column of ${f} is guessed: ${fields}`);
      }
      await s.screenshot(join(OUT, "imports-mapping.png"));

      await s.clickId("import-preview");
      await s.waitText("import-plan-summary", new RegExp(`Создать: ${originals.length} `));
      await s.screenshot(join(OUT, "imports-preview.png"));
      await s.clickId("import-apply");
      await s.gone("import-plan");
      await s.waitText("toast", /Импорт от .*создано/);
      await s.waitText("partners-count", new RegExp(String(originals.length)));

      const got = await invoke(s, "partners_list", { filter: {} });
      assert.ok(got.ok, JSON.stringify(got.err));
      assert.equal(got.ok.length, originals.length, "every partner arrived");
      for (const o of originals) {
        const p = got.ok.find((x) => x.short_name === o.short_name);
        assert.ok(p, `${o.short_name} arrived`);
        const full = (await invoke(s, "partners_get", { id: p.id })).ok;
        assert.deepEqual(full.requisites, o.requisites, `${o.short_name}: requisites`);
        assert.equal(full.head.surname, o.head.surname, `${o.short_name}: head`);
        assert.equal(full.contacts.length, o.contacts.length, `${o.short_name}: contacts`);
      }

      // Настройки → Данные: a second table with a wrong ИНН and a partner
      // known by name only; she decides to update it.
      const first = originals[0];
      const csv = join(demo, "dopolnenie.csv"); // ASCII, as above
      writeFileSync(csv, `Наименование;ИНН;Телефон\n${first.short_name};;8 (47541) 5-55-55\nШкола с опечаткой;6825012345;\n`);
      await s.clickId("nav-settings");
      await s.clickId("settings-data");
      await s.waitText("import-batch", new RegExp(`Импорт от .*\\(${originals.length} `));
      await s.clickId("imports-start");
      await answerOpen("Импорт партнёров из таблицы", csv);
      await s.clickId("import-preview");
      await s.waitText("import-plan-summary", /Ждут решения: 1/);
      const plan = await s.exec(`return document.querySelector('[data-testid="import-plan"]').innerText;`);
      assert.match(plan, /Строка 3, ИНН: .*контрольн/, "the wrong ИНН is named with its row");
      assert.match(plan, /Совпадает по наименованию/);
      await s.screenshot(join(OUT, "imports-problems.png"));
      await s.select("import-decision", "update");
      await s.waitText("import-plan-summary", /Обновить: 1/);
      await s.clickId("import-apply");
      await s.gone("import-plan");
      await s.waitUntil(async () => (await s.$$('[data-testid="import-batch"]')).length === 2, { message: "two imports listed" });
      await s.screenshot(join(OUT, "imports-settings.png"));
      if (await resize(s, t, 1024, 640)) {
        await s.screenshot(join(OUT, "imports-settings-narrow.png"));
        await resize(s, t, 1280, 800);
      }
      // Each import undone as one step, the latest first.
      await s.clickId("import-undo");
      await s.clickId("confirm-ok");
      await s.waitText("import-batch", /отменён/);
      const restored = (await invoke(s, "partners_list", { filter: {} })).ok.find((x) => x.short_name === first.short_name);
      assert.equal(restored.phone, first.requisites.phone, "the update is undone");
      await s.clickId("import-undo");
      await s.clickId("confirm-ok");
      await s.waitUntil(
        async () => (await s.texts("import-batch")).every((x) => /отменён/.test(x)),
        { message: "both imports undone" },
      );
      const after = await invoke(s, "partners_list", { filter: {} });
      assert.equal(after.ok.length, 0, "the undo removed every imported partner");
    },
    { dataDir: empty },
  );
});
