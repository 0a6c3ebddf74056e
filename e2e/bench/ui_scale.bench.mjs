// The window at scale (issue 13 §3, `make bench-ui`): the release app on a
// database of 10 000 partners and 20 000 events (src/bin/bench_ui_data.rs),
// each section opened and each switch timed IN THE PAGE, from the input
// event to the first frame after the DOM settled; the longest gap between
// frames (a main-thread freeze) in that span; the web process's memory.
// Prints a table against the targets and writes build/e2e/bench-ui.json.
// Reports, does not assert: a slow step is a finding, not a broken build.
//
//   BENCH_UI_DB=path/to/partnernet.sqlite3 E2E_TESTS=e2e/bench/ui_scale.bench.mjs scripts/e2e.sh APP

import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { newDataDir, OUT, withApp } from "../harness.mjs";
import { sleep } from "../webdriver.mjs";

const DB = process.env.BENCH_UI_DB ?? "";
const LABEL = process.env.BENCH_UI_LABEL ?? "";
const OPEN_MS = 300;
const FREEZE_MS = 200;
const RSS_MB = 600;

// In the page: the time of the first input event after arming, a rAF loop
// that keeps the longest gap between frames, a MutationObserver that keeps
// the time of the last change; settled = the ready predicate holds and the
// DOM has been quiet for QUIET ms; the end is the first frame after the
// last change.
const PROBE = `
  if (window.__bench) return true;
  const b = (window.__bench = { t0: null, lastMut: 0, frameAfter: null, maxGap: 0, last: performance.now(), armed: false });
  for (const type of ["pointerdown", "mousedown", "click", "keydown", "input", "change"]) {
    window.addEventListener(type, () => { if (b.armed && b.t0 === null) b.t0 = performance.now(); }, true);
  }
  new MutationObserver(() => { b.lastMut = performance.now(); b.frameAfter = null; }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const loop = (t) => {
    const now = performance.now();
    if (b.armed && b.t0 !== null) b.maxGap = Math.max(b.maxGap, now - b.last);
    if (b.frameAfter === null && now > b.lastMut) b.frameAfter = now;
    b.last = now;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  return true;`;

const ARM = `const b = window.__bench; b.t0 = null; b.maxGap = 0; b.last = performance.now(); b.lastMut = performance.now(); b.frameAfter = null; b.armed = true; return true;`;

const QUIET = 150;
const POLL = `
  const b = window.__bench;
  const ready = (() => { ${"${READY}"} })();
  const now = performance.now();
  if (b.t0 === null || !ready || now - b.lastMut < ${QUIET} || b.frameAfter === null) return null;
  b.armed = false;
  return { ms: Math.max(0, b.frameAfter - b.t0), gap: b.maxGap, nodes: document.getElementsByTagName("*").length };`;

/** The app's pid: the partnernet-app process started on this data folder. */
function appPid(dir) {
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (cmd.some((c) => c.endsWith("partnernet-app") || c.includes("/app-")) && cmd.includes(dir)) return Number(pid);
    } catch {
      // gone
    }
  }
  return null;
}

/** VmRSS (MB) of the app's WebKitWebProcess child, or null. */
function webRss(app) {
  if (!app) return null;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      if (ppid === app && /Name:\s+WebKitWebProces/.test(status)) {
        return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      }
    } catch {
      // gone
    }
  }
  return null;
}

test("the window at scale: every section and switch against the targets", async (t) => {
  if (!DB || !existsSync(DB)) throw new Error(`no database at BENCH_UI_DB=«${DB}»: make bench-ui builds it (bench_ui_data)`);
  const dir = newDataDir("bench-ui");
  copyFileSync(DB, join(dir, "partnernet.sqlite3"));
  const results = [];
  let peak = 0;

  await withApp(
    t,
    async (s) => {
      const pid = await (async () => {
        for (let i = 0; i < 50; i++) {
          const p = appPid(dir);
          if (p) return p;
          await sleep(100);
        }
        return null;
      })();
      const sampler = setInterval(() => {
        const mb = webRss(pid);
        if (mb) peak = Math.max(peak, mb);
      }, 100);
      try {
        await s.find("home-reminders", { timeout: 60_000 });
        await s.exec(PROBE);

        /** Arms the probe, runs the action, waits until the page settled. */
        const step = async (name, action, ready) => {
          await sleep(400);
          await s.exec(ARM);
          await action();
          const poll = POLL.replace("${READY}", ready);
          let r;
          try {
            r = await s.waitUntil(() => s.exec(poll), { timeout: 90_000, interval: 50, message: `«${name}» settles` });
          } catch (e) {
            // A step that never settles is a finding: noted, the rest still measured.
            results.push({ name, ms: Infinity, freeze: Infinity, nodes: 0, rss: null, error: e.message.split("\n")[0] });
            t.diagnostic(`${name}: did not settle: ${e.message.split("\n")[0]}`);
            return;
          }
          const mb = webRss(pid);
          if (mb) peak = Math.max(peak, mb);
          results.push({ name, ms: Math.round(r.ms), freeze: Math.round(r.gap), nodes: r.nodes, rss: mb && Math.round(mb) });
          t.diagnostic(`${name}: ${Math.round(r.ms)} ms, longest frame gap ${Math.round(r.gap)} ms, ${r.nodes} elements, web ${Math.round(mb ?? 0)} MB`);
        };
        const has = (sel) => `return !!document.querySelector(${JSON.stringify(sel)});`;
        const nav = (id) => () => s.clickId(`nav-${id}`);

        await step("Партнёры: открыть", nav("partners"), has('[data-testid="partner-row"]'));
        const search = await s.find("partners-search");
        await s.click(search);
        await step("Партнёры: буква в поиске", () => s.type(search, "7"), `return /Найдено/.test(document.querySelector('[data-testid="partners-count"]')?.innerText ?? "");`);
        // The one search (Ctrl+K): the palette opens, a name typed finds partners, people, events…
        await step("Поиск по всему: Ctrl+K", () => s.press("\uE009", "k"), has('[data-testid="search-all-input"]'));
        await step(
          "Поиск по всему: ввод «Партнёр № 12»",
          async () => s.type(await s.active(), "Партнёр № 12"),
          has('[data-testid="search-result"]'),
        );
        await s.press("\uE00C");
        await s.gone("search-palette");
        await step("Контакты: открыть", nav("persons"), has('[data-testid="person-row"]'));
        const personSearch = await s.find("persons-search");
        await s.click(personSearch);
        await step("Контакты: буква в поиске", () => s.type(personSearch, "а"), `return /Найдено/.test(document.querySelector('[data-testid="persons-count"]')?.innerText ?? "");`);
        await step("Договоры: открыть", nav("agreements"), has('[data-testid="agreement-row"]'));
        const picker = await s.find("filter-agreement-partner");
        await step(
          "Договоры: выбор партнёра (ввод «Партнёр № 12»)",
          async () => {
            await s.click(picker);
            await s.type(picker, "Партнёр № 12");
          },
          has('[data-testid="filter-agreement-partner-option"]'),
        );
        // Templates: the editor with its preview, the field picker and a search in it.
        // Open = the text and the first page of its preview drawn (a late preview would be timed in the next step).
        await step(
          "Шаблоны: открыть",
          () => s.clickId("agreements-tab-templates"),
          `return !!document.querySelector('[data-testid="templates-editor"] textarea') && [...document.querySelectorAll('[data-testid="brochure-page"]')].some((c) => c.width > 0);`,
        );
        await step("Шаблоны: «Поля»", () => s.clickId("template-fields"), has('[data-testid="merge-field"]'));
        await step("Шаблоны: поиск поля «инн»", async () => s.type(await s.find("field-search"), "инн"), `return document.querySelectorAll('[data-testid="merge-field"]').length < 10;`);
        await s.press("\uE00C"); // empties the search
        await s.press("\uE00C"); // closes the picker
        await step("Мероприятия: открыть (месяц)", nav("events"), has(".fc-event"));
        await s.exec(`document.querySelector(".fc-dayGridMonth-button")?.click(); return true;`);
        await sleep(300);
        const title = () => `document.querySelector(".fc-toolbar-title")?.innerText ?? ""`;
        const before = await s.exec(`return ${title()};`);
        await step(
          "Мероприятия: следующий месяц",
          async () => s.click(await s.findCss(".fc-next-button")),
          `return (${title()}) !== ${JSON.stringify(before)} && !!document.querySelector(".fc-event");`,
        );
        await step("Мероприятия: вид «Список»", async () => s.click(await s.findCss(".fc-listMonth-button")), has(".fc-list-event, .fc-list-empty"));
        await step("Мероприятия: вид «Неделя»", async () => s.click(await s.findCss(".fc-timeGridWeek-button")), has(".fc-timegrid-event, .fc-timeGridWeek-view .fc-event"));
        await s.screenshot(join(OUT, `bench-ui-events-week${LABEL}.png`));
        await step("Мероприятия: вид «День»", async () => s.click(await s.findCss(".fc-timeGridDay-button")), has(".fc-timeGridDay-view .fc-event"));
        await s.screenshot(join(OUT, `bench-ui-events-day${LABEL}.png`));
        await s.click(await s.findCss(".fc-dayGridMonth-button"));
        // The calendar's search lists the whole school year beside the month.
        const eventSearch = await s.find("events-search");
        await s.click(eventSearch);
        // Per keystroke, as «Партнёры: буква в поиске»: the word but its last letter first, then the letter timed.
        await s.type(eventSearch, "Вебина");
        await s.find("events-year-match", { timeout: 30_000 });
        await sleep(300);
        await step(
          "Мероприятия: поиск за учебный год (буква)",
          () => s.type(eventSearch, "р"),
          `return document.querySelector('[data-testid="events-year-matches"]')?.dataset.query === "Вебинар" && !document.querySelector(".cal-wrap.loading") && !!document.querySelector('[data-testid="events-year-match"]');`,
        );
        await s.fill("events-search", "");
        await step("Отчёты: открыть (план)", nav("reports"), has('[data-testid="plan-row"]'));
        const year = Number(await s.exec(`return document.querySelector('[data-testid="plan-year"]').value;`));
        await step(
          "Отчёты: прошлый учебный год",
          () => s.select("plan-year", String(year - 1)),
          `return document.querySelector('[data-testid="plan-title"]')?.innerText.includes("${year - 1}/${year}") && !!document.querySelector('[data-testid="plan-row"]');`,
        );
        await step(
          "Отчёты: снова текущий год",
          () => s.select("plan-year", String(year)),
          `return document.querySelector('[data-testid="plan-title"]')?.innerText.includes("${year}/${year + 1}") && !!document.querySelector('[data-testid="plan-row"]');`,
        );
        await s.screenshot(join(OUT, `bench-ui-reports${LABEL}.png`));
        // The plan's rows come a page at a time: a jump to the end waits for its page.
        await step(
          "Отчёты: прокрутка плана в конец",
          () => s.exec(`window.dispatchEvent(new KeyboardEvent("keydown")); const b = document.querySelector('[data-testid="plan-table"] .plan-body'); b.scrollTop = b.scrollHeight; return true;`),
          `const t = document.querySelector('[data-testid="plan-table"]'); const n = [...t.querySelectorAll('[data-testid="plan-row"] .num')].map((c) => Number(c.textContent));
           return !t.querySelector('[data-testid="plan-row-pending"]') && n.length > 0 && n.at(-1) === Number(/(\\d+)/.exec(document.querySelector('[data-testid="plan-count"]').innerText.replace(/\\s/g, ""))?.[1]);`,
        );
        // The map: drawn (Cytoscape ready, the map's elements on the canvas) with n nodes (any when null), no reload under way.
        const mapDrawn = (n) =>
          `(() => { const c = document.querySelector('[data-testid="map-canvas"][data-ready="true"][data-drawn="true"]'); return !!c && !document.querySelector('[data-testid="map-page"] [aria-busy="true"]') && ${n === null ? "true" : `c.dataset.nodes === "${n}"`}; })()`;
        await step("Карта сети: открыть", nav("map"), `return ${mapDrawn(null)};`);
        await s.screenshot(join(OUT, `bench-ui-map${LABEL}.png`));
        await step("Карта сети: показать 500", () => s.select("map-limit", "500"), `return ${mapDrawn(501)};`);
        await step("Карта сети: снова 150", () => s.select("map-limit", "150"), `return ${mapDrawn(151)};`);
        // Zoomed in twice: the names now large enough are given to Cytoscape and measured (MapCanvas relabel).
        await step(
          "Карта сети: крупнее ×2 (имена)",
          async () => {
            const plus = await s.findCss('[data-testid="map-page"] button[aria-label="Крупнее"]');
            await s.click(plus);
            await s.click(plus);
          },
          `return ${mapDrawn(151)};`,
        );
        const mapYear = Number(await s.exec(`return document.querySelector('[data-testid="map-period"]').value;`));
        await step(
          "Карта сети: прошлый учебный год",
          () => s.select("map-period", String(mapYear - 1)),
          `return document.querySelector('[data-testid="map-period"]')?.value === "${mapYear - 1}" && ${mapDrawn(null)};`,
        );
        await s.select("map-period", String(mapYear));
        await s.waitUntil(() => s.exec(`return ${mapDrawn(151)};`), { timeout: 90_000, message: "the map of this year again" });
        const focus = await s.find("map-focus");
        await s.click(focus);
        await s.type(focus, "Партнёр № 9876");
        await s.find("map-focus-option", { timeout: 30_000 });
        await step(
          "Карта сети: найти партнёра и показать",
          async () => s.click(await s.find("map-focus-option")),
          `return !!document.querySelector('[data-testid="map-card"]') && ${mapDrawn(null)};`,
        );
        await s.screenshot(join(OUT, `bench-ui-map-focus${LABEL}.png`));
        await step("Главная: открыть", nav("home"), has('[data-testid="home-week-row"], [data-testid="home-awaiting-row"]'));
        await s.screenshot(join(OUT, `bench-ui-home${LABEL}.png`));
        const height = await s.exec(`return document.querySelector(".page-body")?.scrollHeight ?? 0;`);
        t.diagnostic(`Главная: page body ${height} px tall`);
        // The exchange package: «все партнёры» is one choice, the others are picked by typing.
        await s.clickId("nav-settings");
        await s.clickId("settings-data");
        await s.find("exchange-export");
        await step(
          "Обмен: открыть выгрузку пакета",
          () => s.clickId("exchange-export"),
          `return !!document.querySelector('[data-testid="exchange-partners-all"]:checked') && !!document.querySelector('[data-testid="exchange-export-dialog"] [data-ready="true"]');`,
        );
        await s.clickId("exchange-partners-some");
        const packagePicker = await s.find("exchange-partner-pick");
        await step(
          "Обмен: выбор партнёра (ввод «Партнёр № 12»)",
          async () => {
            await s.click(packagePicker);
            await s.type(packagePicker, "Партнёр № 12");
          },
          has('[data-testid="exchange-partner-pick-option"]'),
        );
        await s.screenshot(join(OUT, `bench-ui-exchange${LABEL}.png`));
        // Esc closes the matches.
        await s.press("\uE00C");
        await step(
          "Обмен: вкладка «Мероприятия» (учебный год)",
          () => s.clickId("exchange-tab-events"),
          has('[data-testid="exchange-events"] li .name'),
        );
        await s.press("\uE00C");
        await s.gone("exchange-export-dialog");
        // The theme switched (Настройки → Оформление), then back to the system's.
        await s.clickId("settings-theme");
        await s.find("theme-dark");
        await step("Оформление: тёмная тема", () => s.clickId("theme-dark"), `return document.documentElement.dataset.theme === "dark";`);
        await s.clickId("theme-system");
        // The same two pages at the smallest window (1024×640).
        const resized = await s.cmd("POST", "/window/rect", { width: 1024, height: 640 }).then(() => true, () => false);
        if (resized) {
          await s.waitUntil(async () => (await s.exec(`return window.innerWidth;`)) <= 1100, { message: "the window becomes narrow" });
          await sleep(500);
          await s.screenshot(join(OUT, `bench-ui-home-narrow${LABEL}.png`));
          await s.clickId("nav-reports");
          await s.find("plan-row");
          await sleep(500);
          await s.screenshot(join(OUT, `bench-ui-reports-narrow${LABEL}.png`));
          await s.clickId("nav-map");
          await s.waitUntil(() => s.exec(`return !!document.querySelector('[data-testid="map-canvas"][data-ready="true"]');`), { timeout: 90_000, message: "the map drawn" });
          await sleep(800);
          await s.screenshot(join(OUT, `bench-ui-map-narrow${LABEL}.png`));
        }
      } finally {
        clearInterval(sampler);
      }
    },
    { dataDir: dir },
  );

  const pad = (x, n) => String(x).padEnd(n);
  const lines = [
    `Окно на большой базе${LABEL ? ` (${LABEL})` : ""}: цель ≤ ${OPEN_MS} мс на действие, кадр не дольше ${FREEZE_MS} мс, веб-процесс < ${RSS_MB} МБ`,
    `${pad("действие", 48)} ${pad("мс", 7)} ${pad("замирание", 10)} ${pad("элементов", 10)} ${pad("МБ", 6)} итог`,
  ];
  for (const r of results) {
    const ok = r.ms <= OPEN_MS && r.freeze <= FREEZE_MS;
    lines.push(`${pad(r.name, 48)} ${pad(r.ms, 7)} ${pad(r.freeze, 10)} ${pad(r.nodes, 10)} ${pad(r.rss ?? "—", 6)} ${ok ? "ok" : "МЕДЛЕННО"}`);
  }
  lines.push(`веб-процесс, пик: ${Math.round(peak)} МБ ${peak < RSS_MB ? "ok" : "СЛИШКОМ МНОГО"}`);
  const table = lines.join("\n");
  console.log(`\n${table}\n`);
  writeFileSync(join(OUT, `bench-ui${LABEL}.json`), JSON.stringify({ results, peakRssMb: Math.round(peak) }, null, 2));
  writeFileSync(join(OUT, `bench-ui${LABEL}.txt`), `${table}\n`);
});
