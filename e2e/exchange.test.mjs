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
// exchange-partners.png.

import assert from "node:assert/strict";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, cliPartnerCount, newDataDir, OUT, withApp } from "./harness.mjs";
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

async function resize(s, t, width, height) {
  try {
    await s.cmd("POST", "/window/rect", { width, height });
    await s.waitUntil(async () => (await s.exec(`return window.innerWidth;`)) <= width + 10, { message: `the window is ${width} px wide` });
    return true;
  } catch (e) {
    t.diagnostic(`window not resized: ${e.message}`);
    return false;
  }
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
      await s.waitUntil(async () => (await s.texts("exchange-summary")).some((x) => x.includes(`${demoCount} партн`)), {
        message: "every partner is chosen",
      });
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
