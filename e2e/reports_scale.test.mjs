// «Отчёты» on a busy year (issue 13 §3): 1 500 events imported through the
// CLI from an .ics file into the demo's current school year. The plan table
// gets its rows from the core a page at a time: only a few dozen rows are in
// the page, scrolling to the end brings the last row (numbered as the
// count says), the rows in view are consecutive, a row still opens its event,
// the table keeps its place after a visit to the calendar, and a year
// switch starts at the top. Screenshots at 1280×800 and
// 1024×640: build/e2e/reports-scale.png, reports-scale-end.png,
// reports-scale-narrow.png.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, cliDemo, findPlanRow, newDataDir, OUT, withApp } from "./harness.mjs";

const EVENTS = 1_500;
const shot = (s, name) => s.screenshot(join(OUT, name));
const pad = (n) => String(n).padStart(2, "0");

/** The current school year (2026 for 2026/2027). */
function schoolYear() {
  const d = new Date();
  return d.getMonth() + 1 >= 9 ? d.getFullYear() : d.getFullYear() - 1;
}

/** EVENTS single events spread over the school year starting 1 September of `year`. */
function busyIcs(year) {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//e2e//RU"];
  const first = Date.UTC(year, 8, 1);
  for (let n = 0; n < EVENTS; n++) {
    const d = new Date(first + Math.floor((n * 364) / EVENTS) * 86_400_000);
    const day = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
    const h = 9 + (n % 8);
    lines.push(
      "BEGIN:VEVENT",
      `UID:e2e-busy-${n}@example.ru`,
      "DTSTAMP:20260901T080000Z",
      `DTSTART;TZID=Europe/Moscow:${day}T${pad(h)}0000`,
      `DTEND;TZID=Europe/Moscow:${day}T${pad(h + 1)}0000`,
      `SUMMARY:Занятие сетевой программы № ${n + 1}`,
      "LOCATION:Кабинет 12",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR", "");
  return lines.join("\r\n");
}

/** The numbers of the rows drawn, in order, and how many rows are still on their way. */
const drawn = (s) =>
  s.exec(`const t = document.querySelector('[data-testid="plan-table"]');
    return {
      numbers: [...t.querySelectorAll('[data-testid="plan-row"] .num')].map((c) => Number(c.textContent)),
      pending: t.querySelectorAll('[data-testid="plan-row-pending"]').length,
    };`);

/** Scrolls the table's body to `top` (px; "end" for the bottom). */
const scrollTo = (s, top) =>
  s.exec(`const b = document.querySelector('[data-testid="plan-table"] .plan-body');
    b.scrollTop = arguments[0] === "end" ? b.scrollHeight : arguments[0]; return b.scrollTop;`, [top]);

/** Waits until no row in view is on its way; the numbers drawn. */
async function settled(s, message) {
  return s.waitUntil(
    async () => {
      const d = await drawn(s);
      return d.pending === 0 && d.numbers.length > 0 ? d.numbers : null;
    },
    { timeout: 15_000, interval: 100, message },
  );
}

const consecutive = (xs) => xs.every((x, i) => i === 0 || x === xs[i - 1] + 1);

test("a busy year's plan comes a page at a time: the end, the middle, a row opens, a year switch", async (t) => {
  const dir = newDataDir("reports-scale");
  if (!cliDemo(dir)) {
    t.skip("the CLI is not built");
    return;
  }
  const year = schoolYear();
  const ics = join(dir, "busy.ics");
  writeFileSync(ics, busyIcs(year));
  execFileSync(CLI, ["--data-dir", dir, "events", "import", ics], { stdio: ["ignore", "pipe", "pipe"] });

  await withApp(
    t,
    async (s) => {
      await s.clickId("nav-reports");
      await s.find("reports-page");
      const count = await s.waitText("plan-count", /В плане: \d+/);
      const total = Number(/(\d+)/.exec(count)?.[1] ?? 0);
      assert.ok(total >= EVENTS, `the count has the imported events: ${total}`);

      const top = await settled(s, "the first rows are drawn");
      assert.equal(top[0], 1, "the table starts at row 1");
      assert.ok(consecutive(top), `rows in order: ${top.join(",")}`);
      assert.ok(top.length < 60, `only the rows in view are drawn: ${top.length}`);
      await shot(s, "reports-scale.png");

      // The end: the last row has the number the count says.
      await scrollTo(s, "end");
      await shot(s, "reports-scale-scrolling.png");
      const end = await settled(s, "the last rows are drawn");
      assert.equal(end.at(-1), total, `the last row is № ${total}: ${end.join(",")}`);
      assert.ok(consecutive(end), `rows in order: ${end.join(",")}`);
      await shot(s, "reports-scale-end.png");

      // The middle, in one jump: the rows there, consecutive, none missing.
      const height = await s.exec(`return document.querySelector('[data-testid="plan-table"] .plan-body').scrollHeight;`);
      await scrollTo(s, Math.floor(height / 2));
      const middle = await settled(s, "the middle rows are drawn");
      assert.ok(consecutive(middle), `rows in order: ${middle.join(",")}`);
      assert.ok(middle[0] > total / 3 && middle[0] < (2 * total) / 3, `the middle of the year: ${middle[0]}`);

      // At 1024×640 the table still fits.
      await s.cmd("POST", "/window/rect", { width: 1024, height: 640 });
      await s.waitUntil(async () => (await s.exec(`return window.innerWidth;`)) <= 1100, { message: "the window becomes narrow" });
      await settled(s, "rows drawn in the narrow window");
      const cut = await s.exec(`const t = document.querySelector('[data-testid="plan-table"]'); return t.scrollWidth - t.clientWidth;`);
      assert.ok(cut <= 0, `the table fits at 1024 px (by ${cut} px)`);
      await shot(s, "reports-scale-narrow.png");
      await s.cmd("POST", "/window/rect", { width: 1280, height: 800 });

      // A row opens its event in the calendar.
      const title = "Занятие сетевой программы № 750";
      const row = await findPlanRow(s, title);
      await s.exec(`arguments[0].querySelector("button.open").click();`, [{ "element-6066-11e4-a52e-4f735466cecf": row }]);
      await s.waitText("event-card-title", title);

      // Back: the table is where it was left; another year and the current
      // one again: from the top.
      await s.clickId("nav-reports");
      await s.find("plan-table");
      const back = await settled(s, "the rows where the table was left");
      assert.ok(back[0] > total / 3, `the table kept its place: row ${back[0]} first`);
      const still = await s.exec(`return [...document.querySelectorAll('[data-testid="plan-row"]')].some((r) => r.innerText.includes(arguments[0]));`, [title]);
      assert.ok(still, "the row opened is still drawn");
      await s.select("plan-year", String(year - 1));
      await s.waitUntil(async () => (await s.text(await s.find("plan-title"))).includes(`${year - 1}/${year}`), { message: "the year before" });
      await s.select("plan-year", String(year));
      await s.waitUntil(async () => (await s.text(await s.find("plan-title"))).includes(`${year}/${year + 1}`), { message: "the current year again" });
      const again = await settled(s, "the first rows again");
      assert.equal(again[0], 1, "a year switch starts at the top");
    },
    { dataDir: dir },
  );
});
