// Мероприятия at scale in the real window (issue 13 §3): a month whose day
// holds 68 events draws a few of them and «+ ещё N»; the day's list scrolls
// to its last event, which opens its card; the list view draws 100 and adds
// more on request; the week of the crowded day draws a few boxes and «+ ещё»
// in its all-day row; the partner filter searches as you type. Saves
// build/e2e/calendar-full-day.png, calendar-full-day-narrow.png (1024×640),
// calendar-list-more.png, calendar-week-crowded.png and
// events-partner-picker.png.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, cliDemo, newDataDir, OUT, resize, withApp } from "./harness.mjs";
import { Keys, ref, sleep } from "./webdriver.mjs";

const FULL = 68;
const SPREAD = 240;
const shot = (s, name) => s.screenshot(join(OUT, name));
const pad = (n) => String(n).padStart(2, "0");
const stamp = (d, h, m) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}T${pad(h)}${pad(m)}00`;

/** An .ics with 68 events on the 16th of this month and 240 more over its other days. */
function crowdedMonth(file, today) {
  const full = new Date(today.getFullYear(), today.getMonth(), 16);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//PartnerNet e2e//RU"];
  const add = (uid, day, h, m, title) =>
    lines.push("BEGIN:VEVENT", `UID:${uid}@e2e`, "DTSTAMP:20260901T000000Z", `DTSTART:${stamp(day, h, m)}`, `DTEND:${stamp(day, h + 1, m)}`, `SUMMARY:${title}`, "CATEGORIES:семинар", "END:VEVENT");
  for (let i = 0; i < FULL; i++) add(`full-${i}`, full, 8 + Math.floor(i / 6), (i % 6) * 10, `Занятие ${pad(i + 1)} полного дня`);
  for (let i = 0; i < SPREAD; i++) {
    const day = new Date(today.getFullYear(), today.getMonth(), 1 + (i % 28));
    if (day.getDate() === 16) continue;
    add(`spread-${i}`, day, 9 + (i % 9), 0, `Встреча ${i + 1}`);
  }
  lines.push("END:VCALENDAR");
  writeFileSync(file, lines.join("\r\n") + "\r\n");
  return `${full.getFullYear()}-${pad(full.getMonth() + 1)}-16`;
}

test("a crowded month: «+ ещё» opens the whole day, which scrolls to its last event", async (t) => {
  const dir = newDataDir("calendar-scale");
  if (!cliDemo(dir)) return t.skip("the CLI is not built");
  const ics = join(dir, "crowded.ics");
  const full = crowdedMonth(ics, new Date());
  execFileSync(CLI, ["--data-dir", dir, "events", "import", ics], { stdio: ["ignore", "pipe", "pipe"] });

  await withApp(
    t,
    async (s) => {
      await s.clickId("nav-events");
      const more = await s.findCss(`[data-testid="cal-more"][data-date="${full}"]`, { timeout: 20_000 });
      assert.match(await s.text(more), /\+ ещё \d+/);
      // The cell draws three events and «+ ещё», not all 68.
      const drawn = await s.exec(
        `return document.querySelector('.fc-daygrid-day[data-date="' + arguments[0] + '"]').querySelectorAll('[data-testid="cal-event"]').length;`,
        [full],
      );
      assert.equal(drawn, 3, "a crowded day draws three events");
      const total = await s.exec(`return document.querySelectorAll('.fc-event').length;`);
      assert.ok(total < 200, `the month draws a bounded number of events (${total})`);

      // The day's list: every event, scrolling, the last one reachable.
      await s.click(more);
      const pop = await s.find("day-popover");
      const items = await s.$$('[data-testid="day-popover-item"]');
      assert.ok(items.length >= FULL, `the day lists all its events (${items.length})`);
      const scroll = await s.exec(`const l = document.querySelector('[data-testid="day-popover-list"]'); return [l.scrollHeight, l.clientHeight];`);
      assert.ok(scroll[0] > scroll[1], `the list scrolls (${scroll})`);
      const inside = await s.exec(`const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;`, [ref(pop)]);
      assert.ok(inside, "the day's list stays inside the window");
      await shot(s, "calendar-full-day.png");
      const last = items[items.length - 1];
      await s.exec(`arguments[0].scrollIntoView({ block: "end" });`, [ref(last)]);
      assert.ok(await s.displayed(last), "the last event of the day can be reached");
      const lastId = await s.attr(last, "data-event-id");
      await s.click(last);
      await s.gone("day-popover");
      const card = await s.find("event-card");
      await s.waitUntil(async () => (await s.pageText()).includes(`Занятие ${FULL} полного дня`), { message: "the last event's card opens" });
      assert.ok(card && lastId);
      await s.press(Keys.ESCAPE).catch(() => {});

      // Narrow window: the popover still fits.
      if (await resize(s, t, 1024, 640)) {
        await s.waitUntil(async () => (await s.$$(`[data-testid="cal-more"][data-date="${full}"]`)).length === 1, { message: "the month is drawn again" });
        // The month is laid out again after the resize: click until the list opens.
        await s.waitUntil(
          async () => {
            if ((await s.$$('[data-testid="day-popover"]')).length === 0) await s.click(await s.findCss(`[data-testid="cal-more"][data-date="${full}"]`));
            return (await s.$$('[data-testid="day-popover"]')).length > 0;
          },
          { timeout: 15_000, interval: 400, message: "«+ ещё» opens the day in a narrow window" },
        );
        const narrowPop = await s.find("day-popover");
        const fits = await s.exec(`const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;`, [ref(narrowPop)]);
        assert.ok(fits, "the day's list fits a 1024×640 window");
        await shot(s, "calendar-full-day-narrow.png");
        await s.clickId("day-popover-close");
        await s.gone("day-popover");
        await resize(s, t, 1280, 800);
      }

      // The list view: the first 100, then more on request.
      await s.click(await s.findCss(".fc-listMonth-button"));
      const listMore = await s.findCss('[data-testid="cal-list-more"]', { timeout: 20_000 });
      assert.equal((await s.$$(".fc-list-event:not(.ev-more)")).length, 100, "the list draws 100 at first");
      assert.match(await s.text(listMore), /Показаны 100 из \d+/);
      await shot(s, "calendar-list-more.png");
      // FullCalendar's list row is a table row: its title cell takes the click.
      await s.exec(`arguments[0].scrollIntoView({ block: "center" });`, [ref(listMore)]);
      await s.click(await s.findCss('[data-testid="cal-list-more"] .fc-list-event-title'));
      await s.waitUntil(async () => (await s.$$(".fc-list-event:not(.ev-more)")).length > 100, { message: "«показать ещё» adds the next ones" });
      await s.click(await s.findCss(".fc-dayGridMonth-button"));

      // The week of the crowded day: a few boxes in its column, «+ ещё N» in the all-day row.
      await s.click(await s.findCss(".fc-timeGridWeek-button"));
      const monday = (d) => {
        const m = new Date(d.getFullYear(), d.getMonth(), d.getDate());
        m.setDate(m.getDate() - ((m.getDay() + 6) % 7));
        return m;
      };
      const weeks = Math.round((monday(new Date(`${full}T12:00:00`)) - monday(new Date())) / (7 * 86_400_000));
      for (let i = 0; i < Math.abs(weeks); i++) {
        await s.click(await s.findCss(weeks > 0 ? ".fc-next-button" : ".fc-prev-button"));
        await sleep(150);
      }
      const weekMore = await s.findCss(`.fc-timeGridWeek-view [data-testid="cal-more"][data-date="${full}"]`, { timeout: 20_000 });
      assert.match(await s.text(weekMore), /\+ ещё \d+/);
      const column = await s.exec(
        `return document.querySelector('.fc-timegrid-col[data-date="' + arguments[0] + '"]').querySelectorAll('[data-testid="cal-event"]').length;`,
        [full],
      );
      // WEEK_ROWS (10) rows: nine boxes, one an hour, and «+ ещё».
      assert.ok(column > 0 && column <= 9, `the crowded day’s column draws a few boxes (${column})`);
      await shot(s, "calendar-week-crowded.png");
      await s.click(weekMore);
      await s.find("day-popover");
      const weekItems = await s.$$('[data-testid="day-popover-item"]');
      assert.ok(weekItems.length >= FULL, `the week's «+ ещё» lists the whole day (${weekItems.length})`);
      await s.clickId("day-popover-close");
      await s.gone("day-popover");
      await s.click(await s.findCss(".fc-dayGridMonth-button"));

      // The partner filter: the first partners by name, narrowed as you type.
      const MUSEUM = "МБУК «Краеведческий музей»";
      const offered = () => s.exec(`return [...document.querySelectorAll('[data-testid="filter-event-partner-option"] .name')].map((o) => o.textContent.trim());`);
      await s.click(await s.find("filter-event-partner"));
      await s.findCss('[data-testid="filter-event-partner-option"]');
      const first = (await offered()).length;
      await s.type(await s.find("filter-event-partner"), "краевед");
      const at = await s.waitUntil(
        async () => {
          const answered = await s.exec(`return !!document.querySelector('[role="listbox"][data-answers="краевед"]');`);
          const names = await offered();
          return answered && names.length < first && names.includes(MUSEUM) ? { i: names.indexOf(MUSEUM) } : null;
        },
        { message: "the matching partners are offered" },
      );
      await shot(s, "events-partner-picker.png");
      for (let i = 0; i < at.i; i++) await s.press("\uE015");
      await s.press(Keys.ENTER);
      await s.waitUntil(async () => (await s.prop(await s.find("filter-event-partner"), "value")) === MUSEUM, { message: "Enter chooses the partner" });
    },
    { dataDir: dir },
  );
});
