// Events in the real window (issue 5): on a demo-filled folder, a weekly
// seminar series with two partners is added through the form and shows on
// the calendar; one occurrence is cancelled from its card and shows as
// cancelled; an overlapping event at the same place is saved with a warning
// naming the series. Saves build/e2e/events-*.png; the month view of the demo
// is build/e2e/events-calendar.png (docs/events-calendar.png is taken from it).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, findPlanRow, newDataDir, OUT, withApp } from "./harness.mjs";
import { ref } from "./webdriver.mjs";

const SERIES = "Семинар «Цифровая лаборатория педагога»";
const OVERLAP = "Круглый стол «Наставничество в сети»";
const PLACE = "Малый зал, ул. Садовая, 15";
const PARTNERS = ["СОШ № 1", "ЦБС"];
const shot = (s, name) => s.screenshot(join(OUT, name));

/** How many occurrences of event `id` the calendar shows now, by date → status. */
async function onCalendar(s, id) {
  return s.exec(
    `return Object.fromEntries([...document.querySelectorAll('[data-testid="cal-event"][data-event-id="' + arguments[0] + '"]')]
       .map((e) => [e.dataset.date, e.dataset.status]));`,
    [String(id)],
  );
}

/** Picks a partner in the form's partner box by part of its name. */
async function addPartner(s, part) {
  const before = (await s.$$('[data-testid="event-partner-chip"]')).length;
  await s.fill("event-partner-search", part);
  const option = await s.waitUntil(async () => {
    for (const el of await s.$$('[data-testid="event-partner-option"]')) if ((await s.text(el)).includes(part)) return el;
    return null;
  }, { message: `the partner «${part}» is offered` });
  await s.click(option);
  await s.waitUntil(async () => (await s.$$('[data-testid="event-partner-chip"]')).length === before + 1, {
    message: `the partner «${part}» is chosen`,
  });
}

/** Clicks an element by script (FullCalendar's events sit in table cells). */
const jsClick = (s, selector) =>
  s.exec(`const el = document.querySelector(arguments[0]); if (!el) return false; el.click(); return true;`, [selector]);

async function waitToastsGone(s) {
  await s.waitUntil(async () => (await s.$$('[data-testid="toast"]')).length === 0, { timeout: 15_000 }).catch(() => {});
}

test("a weekly series with two partners, one occurrence cancelled, a conflict at the same place", async (t) => {
  const dir = newDataDir("events");
  const viaCli = cliDemo(dir);
  await withApp(
    t,
    async (s) => {
      if (!viaCli) await s.clickId("demo-fill");
      // «Главная»: this week's events (Monday to Sunday) and those waiting for results.
      if (viaCli) {
        await s.waitText("home-week", /Пн \d\d\.\d\d – Вс \d\d\.\d\d\.\d{4}/);
        await s.find("home-awaiting");
        await shot(s, "events-home.png");
      }

      // The calendar of the demo (month view, Russian, weeks from Monday).
      await s.clickId("nav-events");
      await s.find("events-calendar");
      await s.waitUntil(async () => (await s.$$('[data-testid="cal-event"]')).length > 0, {
        timeout: 20_000,
        message: "the demo's events are on the calendar",
      });
      const heads = await s.exec(`return [...document.querySelectorAll(".fc-col-header-cell")].map((c) => c.innerText.trim().toLowerCase());`);
      assert.equal(heads[0], "пн", `weeks start on Monday: ${heads}`);
      const styled = await s.exec(`const b = document.querySelector(".fc-daygrid-day-frame"); return b ? getComputedStyle(b).position : "";`);
      assert.equal(styled, "relative", "FullCalendar's own styles are applied (not blocked by the CSP)");
      await waitToastsGone(s);
      await shot(s, "events-calendar.png");
      // The week (hours from the morning) and the list of the month.
      for (const [view, file, probe] of [
        ["timeGridWeek", "events-week.png", ".fc-timegrid-slot"],
        ["listMonth", "events-list.png", ".fc-list-event"],
      ]) {
        await s.click(await s.findCss(`.fc-${view}-button`));
        await s.waitUntil(async () => (await s.$$(probe)).length > 0, { message: `the ${view} view shows its rows` });
        await shot(s, file);
      }
      await s.click(await s.findCss(".fc-dayGridMonth-button"));
      await s.waitUntil(async () => (await s.$$('[data-testid="cal-event"]')).length > 0, { message: "back to the month" });

      // A weekly seminar series on Mondays, six times, with two partners.
      await s.clickId("event-new");
      await s.find("event-editor");
      await s.waitUntil(async () => (await s.exec(`return document.querySelector('[data-testid="field-form_id"]').selectedOptions[0]?.text ?? "";`)).startsWith("семинар"), {
        message: "a new event starts as a seminar",
      });
      await s.fill("field-title", SERIES);
      await s.fill("field-start_date", "01.02.2027");
      await s.fill("field-start_time", "15:00");
      await s.fill("field-end_date", "01.02.2027");
      await s.fill("field-end_time", "16:30");
      await s.fill("field-place", PLACE);
      await s.fill("field-responsible", "Воронцова Л.П.");
      await s.select("field-repeat", "weekly");
      await s.waitText("recurrence-text", "по понедельникам");
      await s.fill("field-recurrence.count", "6");
      await s.waitText("recurrence-text", "Каждую неделю по понедельникам, 6 раз");
      for (const p of PARTNERS) await addPartner(s, p);
      await s.click(await s.find("field-audience-teachers"));
      await s.fill("field-planned_count", "25");
      await shot(s, "events-form.png");
      await s.clickId("event-save");
      await s.gone("event-editor");

      // Its card opens beside the calendar, which shows February 2027.
      const card = await s.find("event-card");
      const seriesId = Number(await s.attr(card, "data-id"));
      assert.ok(seriesId > 0);
      await s.waitText("event-card-title", SERIES);
      await s.waitText("event-series", "Это повторяющееся мероприятие");
      const partnersInCard = await s.texts("event-card-partner");
      assert.equal(partnersInCard.length, 2, `two partners in the card: ${partnersInCard}`);
      await s.fill("events-search", "Цифровая лаборатория");
      const shown = await s.waitUntil(async () => {
        const m = await onCalendar(s, seriesId);
        return Object.keys(m).length >= 4 ? m : null;
      }, { message: "the series' Mondays are on the calendar" });
      for (const d of ["2027-02-01", "2027-02-08", "2027-02-15", "2027-02-22"]) assert.equal(shown[d], "planned", `${d}: ${JSON.stringify(shown)}`);

      // Cancel the second occurrence from its card.
      assert.ok(await jsClick(s, `[data-testid="cal-event"][data-event-id="${seriesId}"][data-date="2027-02-08"]`));
      await s.findCss(`[data-testid="event-card"][data-date="2027-02-08"]`);
      await s.clickId("occurrence-cancel");
      await s.waitUntil(async () => (await onCalendar(s, seriesId))["2027-02-08"] === "cancelled", {
        message: "the cancelled occurrence shows as cancelled",
      });
      await s.waitText("event-card-status", "отменено");
      const struck = await s.exec(
        `const el = document.querySelector('[data-testid="cal-event"][data-date="2027-02-08"][data-event-id="' + arguments[0] + '"]');
         return el.classList.contains("ev-cancelled") && getComputedStyle(el.querySelector(".fc-event-title")).textDecorationLine;`,
        [String(seriesId)],
      );
      assert.match(String(struck), /line-through/, "a cancelled occurrence is struck through");
      const others = await onCalendar(s, seriesId);
      assert.equal(others["2027-02-15"], "planned", "the other occurrences stay planned");
      // Among the active ones (status filter «запланировано») it is gone.
      const active = await s.exec(
        `return window.__TAURI_INTERNALS__.invoke("events_occurrences", { filter: { from: "2027-02-01", to: "2027-02-28", statuses: ["planned", "held"], form_ids: [], partner_id: null, query: "" } })
           .then((l) => l.filter((o) => o.event_id === arguments[0]).map((o) => o.date));`,
        [seriesId],
      );
      assert.deepEqual(active.sort(), ["2027-02-01", "2027-02-15", "2027-02-22"], `active occurrences in February: ${active}`);
      await shot(s, "events-cancelled.png");

      // An overlapping round table at the same place: saved, with a warning naming the series.
      await s.fill("events-search", "");
      await waitToastsGone(s);
      await s.clickId("event-new");
      await s.find("event-editor");
      const roundTable = await s.exec(
        `const o = [...document.querySelector('[data-testid="field-form_id"]').options].find((o) => o.text.startsWith("круглый стол")); return o ? o.value : "";`,
      );
      assert.ok(roundTable, "the form «круглый стол» is offered");
      await s.select("field-form_id", roundTable);
      await s.fill("field-title", OVERLAP);
      await s.fill("field-start_date", "15.02.2027");
      await s.fill("field-start_time", "16:00");
      await s.fill("field-end_date", "15.02.2027");
      await s.fill("field-end_time", "17:30");
      await s.fill("field-place", PLACE);
      await s.clickId("event-save");
      await s.gone("event-editor");
      await s.waitText("event-card-title", OVERLAP);
      const warning = await s.waitText("event-conflicts", "Цифровая лаборатория педагога");
      assert.match(warning, /пересека/i, `the card warns: ${warning}`);
      const toast = await s.waitUntil(async () => {
        const all = await s.texts("toast");
        return all.find((x) => x.includes("Цифровая лаборатория педагога")) ?? null;
      }, { message: "a toast names the series" });
      assert.match(toast, /пересеч/i, toast);
      await shot(s, "events-conflict.png");

      // The warning leads to the series; its partner's card lists it.
      await s.click(await s.findCss('[data-testid="event-conflict"] button'));
      await s.waitText("event-card-title", SERIES);
      await s.click(await s.find("event-card-partner"));
      await s.find("partner-card");
      await s.find("partner-events");
      await s.findCss(`[data-testid="partner-event-row"][data-id="${seriesId}"]`);
      await shot(s, "events-partner.png");

      // The plan of the school year 2026/2027 lists both; exported as PDF
      // (the native save dialog is skipped by giving the command a path, as
      // the agreements test does) and read back with pdftotext.
      await s.clickId("nav-reports");
      await s.find("reports-page");
      await s.select("plan-year", "2026");
      const planRow = await findPlanRow(s, "Цифровая лаборатория");
      const planText = await s.text(planRow);
      assert.match(planText, /01, 08, 15, 22\.02\.2027/, `the row lists February's dates: ${planText}`);
      await shot(s, "events-plan.png");
      const pdfPath = join(dir, "План 2026-2027.pdf");
      const written = await s.exec(
        `return window.__TAURI_INTERNALS__.invoke("plan_export", { year: 2026, format: "pdf", path: arguments[0] })
           .then((r) => ({ ok: r }), (e) => ({ err: e }));`,
        [pdfPath],
      );
      assert.equal(written.ok, pdfPath, `export answered ${JSON.stringify(written)}`);
      // Reading order (no -layout): a cell's lines stay together.
      const text = execFileSync("pdftotext", [pdfPath, "-"], { encoding: "utf8" });
      const flat = text.replace(/-\s*\n\s*/g, "").replace(/[\s\u00ad\u00a0]+/g, "");
      const squeeze = (x) => x.replace(/[\s\u00a0]+/g, "");
      assert.ok(flat.includes("Плансетевоговзаимодействияна2026/2027учебныйгод"), `the PDF's title: ${text.slice(0, 300)}`);
      // Cells side by side share text lines, so a title's words are looked
      // for in order, with the neighbouring cell's words allowed between.
      const tokens = text.split(/[\s\u00a0]+/).filter(Boolean);
      const inOrder = (phrase) => {
        let at = 0;
        for (const w of phrase.split(/[\s\u00a0]+/)) {
          while (at < tokens.length && tokens[at] !== w) at += 1;
          if (at === tokens.length) return false;
          at += 1;
        }
        return true;
      };
      for (const words of [SERIES, OVERLAP, "Февраль 2027"]) assert.ok(inOrder(words), `the plan PDF has «${words}»`);
      for (const p of PARTNERS) assert.ok(flat.includes(squeeze(p)), `the plan PDF names the partner «${p}»`);

      // A row of the plan opens its event beside the calendar (the plan
      // draws only the rows in view: it is scrolled to the series' row).
      const seriesRow = await findPlanRow(s, SERIES);
      assert.equal(await s.exec(`return arguments[0].dataset.id;`, [{ "element-6066-11e4-a52e-4f735466cecf": seriesRow }]), String(seriesId));
      await s.exec(`arguments[0].querySelector("button.open").click();`, [{ "element-6066-11e4-a52e-4f735466cecf": seriesRow }]);
      await s.waitText("event-card-title", SERIES);
      await s.findCss(`[data-testid="event-card"][data-date="2027-02-01"]`);
    },
    { dataDir: dir },
  );
});

/** The core's event through the app's own backend. */
const invoke = (s, cmd, args) =>
  s.exec(`return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then((r) => r, (e) => ({ error: e }));`, [cmd, args]);

test("dragging an event to the next day moves it; «Отменить» in the toast puts it back", async (t) => {
  await withApp(t, async (s) => {
    await s.clickId("demo-fill");
    await s.waitUntil(async () => (await s.pageText()).includes("Демонстрационные данные загружены"), {
      timeout: 30_000,
      message: "the demo is loaded",
    });
    // A single event on this week's Monday (always on the month grid shown first).
    const monday = await s.exec(`const d = new Date(); d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
      return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");`);
    const forms = await invoke(s, "events_forms", {});
    const saved = await invoke(s, "events_create", {
      input: { form_id: forms[0].id, title: "Перетаскиваемый семинар", start: `${monday}T09:00:00`, end: `${monday}T10:00:00`, place: "Кабинет 7" },
    });
    assert.ok(saved.event, JSON.stringify(saved));
    const id = saved.event.id;
    await s.clickId("nav-events");
    const el = await s.findCss(`[data-testid="cal-event"][data-event-id="${id}"]`, { timeout: 20_000 });
    const width = await s.exec(`return document.querySelector(".fc-daygrid-day").getBoundingClientRect().width;`);
    const steps = [1, 2, 3, 4].map(() => ({ type: "pointerMove", origin: "pointer", x: Math.round(width / 4), y: 0, duration: 60 }));
    await s.cmd("POST", "/actions", {
      actions: [
        {
          type: "pointer",
          id: "mouse",
          parameters: { pointerType: "mouse" },
          actions: [
            { type: "pointerMove", origin: ref(el), x: 0, y: 0, duration: 0 },
            { type: "pointerDown", button: 0 },
            { type: "pause", duration: 120 },
            ...steps,
            { type: "pause", duration: 120 },
            { type: "pointerUp", button: 0 },
          ],
        },
      ],
    });
    await s.cmd("DELETE", "/actions").catch(() => {});
    const tuesday = await s.exec(`const [y, m, d] = arguments[0].split("-").map(Number); const t = new Date(y, m - 1, d + 1);
      return t.getFullYear() + "-" + String(t.getMonth() + 1).padStart(2, "0") + "-" + String(t.getDate()).padStart(2, "0");`, [monday]);
    await s.waitUntil(async () => (await invoke(s, "events_get", { id })).start === `${tuesday}T09:00:00`, {
      message: `the event moved to ${tuesday}`,
    });
    const toast = await s.waitUntil(async () => (await s.texts("toast")).find((x) => x.startsWith("Перенесено")) ?? null, {
      message: "a toast says it was moved",
    });
    assert.match(toast, /Перетаскиваемый семинар/);
    await shot(s, "events-dragged.png");
    await s.clickId("toast-undo");
    await s.waitUntil(async () => (await invoke(s, "events_get", { id })).start === `${monday}T09:00:00`, {
      message: "«Отменить» put it back",
    });
    await s.findCss(`[data-testid="cal-event"][data-event-id="${id}"][data-date="${monday}"]`);
  });
});
