// Exchange with the institutions of the network in the real window (issue
// 12 §4): the demo's partners, one event found by the search in the
// events' list and the agreements saved as a .partnernet package through
// Настройки → Данные and the native save dialog, then the package opened
// in a second, empty data folder through the native open dialog, its
// preview (all new), «Загрузить»: the partners are there with the sender
// as a partner and its ties, and the one chosen event. A second look at the
// same package: nothing new. Screenshots: exchange-export.png (partners),
// exchange-export-events.png and exchange-export-events-narrow.png
// (1024×640), exchange-preview.png, exchange-preview-narrow.png,
// exchange-partners.png. «Все партнёры» is one choice that sends no ids;
// partners picked by typing (issue 13 §3) go alone: exchange-export-picked.png,
// exchange-export-picker-narrow.png.

import assert from "node:assert/strict";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, cliPartnerCount, newDataDir, OUT, resize, withApp } from "./harness.mjs";
import { answerOpen, answerSave } from "./xdialog.mjs";

const invoke = (s, cmd, args) =>
  s.exec(
    `return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
       .then((r) => ({ ok: r }), (e) => ({ err: e }));`,
    [cmd, args ?? {}],
  );

const FILTER = { query: "", types: [], relation_kinds: [], stages: [] };

async function openData(s) {
  await s.clickId("nav-settings");
  await s.clickId("settings-data");
  await s.find("exchange");
}

test("a package saved from the demo arrives whole in an empty data folder", async (t) => {
  const from = newDataDir("exchange-from");
  if (!cliDemo(from)) {
    t.skip("the CLI is not built: no demo data");
    return;
  }
  const demoCount = cliPartnerCount(from);
  const folder = mkdtempSync(join(tmpdir(), "partnernet-e2e-package-"));
  const pkg = join(folder, "network.partnernet");
  let title = "";

  await withApp(
    t,
    async (s) => {
      await openData(s);
      await s.clickId("exchange-export");
      await s.find("exchange-export-dialog");
      await s.waitUntil(async () => (await s.texts("exchange-summary")).some((x) => x.includes("все партнёры")), {
        message: "every partner is chosen",
      });
      assert.equal(await s.prop(await s.find("exchange-partners-all"), "checked"), true, "«Все партнёры реестра» is on");
      await s.screenshot(join(OUT, "exchange-export.png"));
      // One event of this school year, found by the search.
      await s.clickId("exchange-tab-events");
      await s.findCss('[data-testid="exchange-events"] li .name', { what: "the year's events" });
      title = await s.exec(`return document.querySelector('[data-testid="exchange-events"] li .name').textContent;`);
      await s.fill("exchange-events-search", title);
      await s.waitUntil(
        async () =>
          (await s.exec(`return [...document.querySelectorAll('[data-testid="exchange-events"] li .name')].map((e) => e.textContent);`)).every(
            (x) => x === title,
          ),
        { message: "the search narrows the list" },
      );
      await s.click(await s.findCss('[data-testid="exchange-events"] li input[type="checkbox"]'));
      await s.waitText("exchange-tab-events", (x) => x.includes("· 1"));
      await s.waitText("exchange-summary", (x) => x.includes("1 мероприятие"));
      // Esc empties the search (as she would): the whole list, one ticked.
      await s.click(await s.find("exchange-events-search"));
      await s.press("\uE00C");
      await s.waitUntil(
        async () => (await s.exec(`return document.querySelectorAll('[data-testid="exchange-events"] li .name').length;`)) > 1,
        { message: "the whole list is back" },
      );
      // The whole plan of the year is one choice (no ids); the tick waits.
      await s.clickId("exchange-plan-all");
      await s.waitText("exchange-tab-events", (x) => x.includes("весь год"));
      await s.waitText("exchange-summary", (x) => /план \d{4}\/\d{4}/.test(x));
      await s.clickId("exchange-plan-some");
      await s.waitText("exchange-tab-events", (x) => x.includes("· 1"));
      await s.findCss('[data-testid="exchange-events"] li input:checked', { what: "the ticked event" });
      await s.screenshot(join(OUT, "exchange-export-events.png"));
      if (await resize(s, t, 1024, 640)) {
        await s.screenshot(join(OUT, "exchange-export-events-narrow.png"));
        await resize(s, t, 1280, 800);
      }
      await s.clickId("exchange-export-save");
      await answerSave("Сохранить пакет обмена с учреждениями сети", pkg);
      await s.waitUntil(async () => existsSync(pkg), { message: "the package is written", timeout: 20_000 });
      await s.gone("exchange-export-dialog");
    },
    { dataDir: from },
  );

  await withApp(t, async (s) => {
    assert.equal((await invoke(s, "partners_list", { filter: FILTER })).ok.length, 0);
    await s.clickId("start-empty");
    await openData(s);
    await s.clickId("exchange-import");
    await answerOpen("Открыть пакет обмена с учреждениями сети", pkg);
    await s.find("exchange-import-dialog");
    const counts = (await s.texts("exchange-counts"))[0];
    assert.match(counts, /конфликтов — 0/, counts);
    assert.match(counts, /изменённых — 0/, counts);
    const sender = (await s.texts("exchange-sender"))[0];
    assert.match(sender, /^Пакет от МБУ ДО/, sender);
    await s.screenshot(join(OUT, "exchange-preview.png"));
    if (await resize(s, t, 1024, 640)) {
      await s.screenshot(join(OUT, "exchange-preview-narrow.png"));
      await resize(s, t, 1280, 800);
    }
    await s.clickId("exchange-import-apply");
    await s.gone("exchange-import-dialog", { timeout: 30_000 });
    // Every partner, and the sender as one: the institution's ties came.
    await s.waitUntil(async () => (await invoke(s, "partners_list", { filter: FILTER })).ok.length === demoCount + 1, {
      message: `the ${demoCount} partners and the sender arrived`,
      timeout: 20_000,
    });
    const list = (await invoke(s, "partners_list", { filter: FILTER })).ok;
    const senderHere = list.find((p) => p.short_name === sender.replace(/^Пакет от /, "").replace(/ \(ИНН.*$/, "").replace(/, выгружен.*$/, ""));
    assert.ok(senderHere, `the sender is a partner here: ${sender}`);
    const ties = await invoke(s, "partners_ties", { id: senderHere.id });
    assert.ok(ties.ok && ties.ok.length > 0, `the sender's ties arrived: ${JSON.stringify(ties)}`);
    const occurrences = (
      await invoke(s, "events_occurrences", {
        filter: { from: "2000-01-01", to: "2100-12-31", form_ids: [], partner_id: null, statuses: [], query: "" },
      })
    ).ok;
    assert.deepEqual([...new Set(occurrences.map((o) => o.title))], [title], "only the chosen event");
    await s.clickId("nav-partners");
    await s.waitText("partners-count", (x) => x.includes(String(demoCount + 1)));
    await s.screenshot(join(OUT, "exchange-partners.png"));

    // The same package again: nothing new, nothing to apply.
    const again = await invoke(s, "exchange_preview", { path: pkg });
    assert.ok(again.ok, JSON.stringify(again.err));
    assert.equal(again.ok.new_count + again.ok.changed_count + again.ok.conflict_count, 0);
  });
});

/** Sets a partner's phone through the app's own command. */
async function setPhone(s, id, phone) {
  const got = await invoke(s, "partners_get", { id });
  assert.ok(got.ok, JSON.stringify(got.err));
  const input = { ...got.ok, requisites: { ...got.ok.requisites, phone } };
  const r = await invoke(s, "partners_update", { id, input });
  assert.ok(r.ok, JSON.stringify(r.err));
  return r.ok.requisites.phone;
}

test("a partner edited on both sides is a conflict shown side by side; «Взять из пакета» wins", async (t) => {
  const from = newDataDir("exchange-sender");
  if (!cliDemo(from)) {
    t.skip("the CLI is not built: no demo data");
    return;
  }
  const to = newDataDir("exchange-receiver");
  const folder = mkdtempSync(join(tmpdir(), "partnernet-e2e-package-"));
  const first = join(folder, "first.partnernet");
  const second = join(folder, "second.partnernet");
  const selection = (ids) => ({ partner_ids: ids, year: null, event_ids: [], agreement_ids: [], contacts: false });
  let name = "";
  let theirs = "";

  // The sender's first package, then a change of a phone and a newer one
  // (one session: withApp removes a data folder after a passing session).
  await withApp(
    t,
    async (s) => {
      const all = (await invoke(s, "partners_list", { filter: FILTER })).ok;
      name = all[0].short_name;
      const ids = all.map((p) => p.id);
      let r = await invoke(s, "exchange_export", { selection: selection(ids), path: first });
      assert.ok(r.ok, JSON.stringify(r.err));
      theirs = await setPhone(s, all[0].id, "+7 475 419-99-99");
      r = await invoke(s, "exchange_export", { selection: selection(ids), path: second });
      assert.ok(r.ok, JSON.stringify(r.err));
    },
    { dataDir: from },
  );
  await withApp(
    t,
    async (s) => {
      // The receiver takes the first package and edits the same phone.
      const r = await invoke(s, "exchange_import", { path: first, choices: [] });
      assert.ok(r.ok, JSON.stringify(r.err));
      const got = (await invoke(s, "partners_list", { filter: FILTER })).ok.find((p) => p.short_name === name);
      await setPhone(s, got.id, "+7 900 111-22-33");
      await s.clickId("start-empty");
      await s.clickId("nav-partners");
      await s.clickId("partners-exchange");
      await s.clickId("partners-exchange-import");
      await answerOpen("Открыть пакет обмена с учреждениями сети", second);
      await s.find("exchange-import-dialog");
      const counts = (await s.texts("exchange-counts"))[0];
      assert.match(counts, /конфликтов — 1/, counts);
      const diff = (await s.texts("exchange-diff"))[0];
      assert.match(diff, /Телефон/, diff);
      assert.match(diff, /\+7 \(900\) 111-22-33/, diff);
      assert.ok(diff.includes(theirs), `${diff} has ${theirs}`);
      await s.clickId("exchange-take");
      await s.screenshot(join(OUT, "exchange-conflict.png"));
      await s.clickId("exchange-import-apply");
      await s.gone("exchange-import-dialog", { timeout: 30_000 });
      const mine = (await invoke(s, "partners_list", { filter: FILTER })).ok.find((p) => p.short_name === name);
      assert.equal(mine.phone, theirs);
    },
    { dataDir: to },
  );
});

/**
 * Types `typed` into the package's partner picker, waits for the core's
 * answer to it and clicks `label`; the box empties for the next one.
 */
async function pickForPackage(s, label, typed) {
  const box = await s.find("exchange-partner-pick");
  await s.click(box);
  await s.type(box, typed);
  const option = await s.waitUntil(
    async () =>
      s.exec(
        `const list = document.querySelector('[role="listbox"][data-answers="' + arguments[0] + '"]');
         const o = list && [...list.querySelectorAll('[data-testid="exchange-partner-pick-option"]')]
           .find((o) => o.querySelector(".name").textContent.trim() === arguments[1]);
         return o ? o.dataset.id : null;`,
        [typed, label],
      ),
    { message: `«${label}» is offered for «${typed}»` },
  );
  await s.click(await s.findCss(`[data-testid="exchange-partner-pick-option"][data-id="${option}"]`));
  await s.waitUntil(async () => (await s.prop(box, "value")) === "", { message: "the box is empty again" });
  return Number(option);
}

const chosenIds = (s) =>
  s.exec(`return [...document.querySelectorAll('[data-testid="exchange-partner-chosen"]')].map((li) => Number(li.dataset.id));`);

test("partners picked by typing go alone; × takes one out; Партнёры preselects the ones shown", async (t) => {
  const from = newDataDir("exchange-pick");
  if (!cliDemo(from)) {
    t.skip("the CLI is not built: no demo data");
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), "partnernet-e2e-package-"));
  const pkg = join(folder, "picked.partnernet");

  await withApp(
    t,
    async (s) => {
      const all = (await invoke(s, "partners_list", { filter: FILTER })).ok;
      const [a, b] = [all[2], all[7]];

      // From Партнёры: the partners the list shows are the ones chosen.
      await s.clickId("nav-partners");
      await s.waitUntil(async () => (await s.$$('[data-testid="partner-row"]')).length > 0, { message: "the list is shown" });
      await s.clickId("partners-exchange");
      await s.clickId("partners-exchange-export");
      await s.find("exchange-export-dialog");
      await s.waitText("exchange-partners-count", (x) => x.trim() === String(all.length));
      assert.equal(await s.prop(await s.find("exchange-partners-some"), "checked"), true);
      await s.waitText("exchange-tab-partners", (x) => x.includes(`· ${all.length}`));
      await s.press("\uE00C");
      await s.gone("exchange-export-dialog");

      // Настройки → Данные: all by default; «Выбранные» and the picker.
      await openData(s);
      await s.clickId("exchange-export");
      await s.find("exchange-export-dialog");
      await s.waitText("exchange-summary", (x) => x.includes("все партнёры"));
      await s.clickId("exchange-partners-some");
      await s.find("exchange-partner-pick");
      await s.waitText("exchange-summary", (x) => !x.includes("партнёр"));
      assert.equal(await pickForPackage(s, a.short_name, a.short_name.slice(0, 12)), a.id);
      assert.equal(await pickForPackage(s, b.short_name, b.short_name.slice(0, 12)), b.id);
      await s.waitUntil(async () => JSON.stringify(await chosenIds(s)) === JSON.stringify([b.id, a.id]), {
        message: "both are listed, the latest first",
      });
      await s.waitText("exchange-tab-partners", (x) => x.includes("· 2"));
      // The picker does not offer a partner already chosen.
      const box = await s.find("exchange-partner-pick");
      await s.type(box, a.short_name.slice(0, 12));
      await s.findCss(`[role="listbox"][data-answers="${a.short_name.slice(0, 12).trim()}"]`, { what: "the answer" });
      const offered = await s.exec(
        `return [...document.querySelectorAll('[data-testid="exchange-partner-pick-option"]')].map((o) => Number(o.dataset.id));`,
      );
      assert.ok(!offered.includes(a.id), `${a.short_name} is not offered again: ${offered}`);
      if (await resize(s, t, 1024, 640)) {
        await s.screenshot(join(OUT, "exchange-export-picker-narrow.png"));
        await resize(s, t, 1280, 800);
      }
      await s.press("\uE00C");
      // × takes one out.
      await s.click(await s.findCss(`[data-testid="exchange-partner-chosen"][data-id="${a.id}"] [data-testid="exchange-partner-remove"]`));
      await s.waitUntil(async () => JSON.stringify(await chosenIds(s)) === JSON.stringify([b.id]), { message: "one is left" });
      // The agreements would bring their parties along: none this time.
      await s.clickId("exchange-tab-agreements");
      await s.clickId("exchange-agreements-none");
      await s.waitText("exchange-tab-agreements", (x) => x.includes("· 0"));
      await s.waitText("exchange-summary", (x) => x.startsWith("В пакете: 1 партнёр, без контактов."));
      await s.clickId("exchange-tab-partners");
      await s.find("exchange-partners-chosen");
      await s.screenshot(join(OUT, "exchange-export-picked.png"));
      await s.clickId("exchange-export-save");
      await answerSave("Сохранить пакет обмена с учреждениями сети", pkg);
      await s.waitUntil(async () => existsSync(pkg), { message: "the package is written", timeout: 20_000 });
      await s.gone("exchange-export-dialog");

      // The package holds that one partner (and the sender, for a tie of
      // ours with it), no agreement, no event.
      const preview = await invoke(s, "exchange_preview", { path: pkg });
      assert.ok(preview.ok, JSON.stringify(preview.err));
      const items = preview.ok.items;
      const partnersIn = items.filter((i) => i.kind === "partner").map((i) => i.title);
      assert.ok(partnersIn.includes(b.short_name), JSON.stringify(partnersIn));
      assert.ok(!partnersIn.includes(a.short_name), JSON.stringify(partnersIn));
      assert.ok(partnersIn.length <= 2, JSON.stringify(partnersIn));
      assert.ok(items.every((i) => i.kind === "partner" || i.kind === "tie"), JSON.stringify(items.map((i) => i.kind)));
    },
    { dataDir: from },
  );
});
