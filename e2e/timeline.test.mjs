// A partner's «Хроника» and «Связи» on the demo (issue 11 §1, §2): the
// timeline lists what happened, newest first; a dated note added through the
// form is at the top of today's entries (and of the notes), is changed, then
// removed and brought back with «Отменить»; a click on an event opens it in
// «Мероприятия». A tie to another partner added on one card shows on the
// OTHER partner's «Связи» and in its «Хроника», whose line leads back to the
// tie; a change line leads to «История». Saves build/e2e/timeline.png,
// timeline-note-form.png, ties.png, ties-form.png and, at 1024×640,
// timeline-narrow.png, ties-narrow.png, ties-form-narrow.png.

import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { cliDemo, newDataDir, OUT, resize, withApp } from "./harness.mjs";
import { Keys } from "./webdriver.mjs";

const NOTE = "Обсудили с завучем план совместных занятий на весну";
const NOTE_EDITED = "Обсудили с завучем план совместных занятий на весну и летнюю смену";
const TIE_NOTE = "Шефская помощь в подготовке фестиваля";

/** "DD.MM.YYYY" of today, as the note form shows its default date. */
function todayRu() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** Waits for fonts and for the toasts to go, so a screenshot shows the page itself. */
async function settle(s) {
  await s.exec(`return document.fonts ? document.fonts.ready.then(() => true) : true;`).catch(() => {});
  await s
    .waitUntil(async () => (await s.$$('[data-testid="toast"]')).length === 0, { timeout: 9000, message: "toasts go away" })
    .catch(() => {});
}

/** The timeline's lines: kind, date text, title, whether in the future. */
const entries = (s) =>
  s.exec(`return [...document.querySelectorAll('[data-testid="timeline-entry"]')].map((e) => ({
    kind: e.dataset.kind,
    when: e.querySelector(".when")?.innerText ?? "",
    text: e.innerText,
    future: e.classList.contains("future"),
  }));`);

/** Elements of the card that stick out of their box (clipped text, overflowing rows). */
const overflowing = (s, selector) =>
  s.exec(
    `return [...document.querySelectorAll(arguments[0])]
       .filter((e) => e.scrollWidth > e.clientWidth + 1)
       .map((e) => (e.dataset.testid || e.className) + ": " + e.innerText.slice(0, 60));`,
    [selector],
  );

async function openPartnerRow(s, index) {
  await s.clickId("nav-partners");
  await s.findCss('[data-testid="partner-row"]');
  const rows = await s.$$('[data-testid="partner-row"]');
  assert.ok(rows.length > index, `the demo lists at least ${index + 1} partners`);
  const id = await s.attr(rows[index], "data-id");
  await s.click(rows[index]);
  await s.find("partner-card");
  const title = await s.waitText("partner-card-title", (x) => x.trim().length > 0);
  return { id: Number(id), title: title.trim() };
}

test("a partner's «Хроника» and «Связи»: a dated note, a tie seen on the other card", async (t) => {
  const dir = newDataDir("timeline");
  const viaCli = cliDemo(dir);
  await withApp(
    t,
    async (s) => {
      if (!viaCli) await s.clickId("demo-fill");
      await resize(s, t, 1280, 800);
      const a = await openPartnerRow(s, 0);

      // «Хроника»: the demo's record of this partner, newest first, by month.
      await s.clickId("tab-timeline");
      await s.find("partner-timeline");
      await s.findCss('[data-testid="timeline-entry"]');
      const before = await entries(s);
      assert.ok(before.length >= 1, "the demo partner has a timeline");
      const months = await s.exec(`return [...document.querySelectorAll('[data-testid="timeline-month"] h3')].map((h) => h.textContent);`);
      assert.match(months[0], /^(Январь|Февраль|Март|Апрель|Май|Июнь|Июль|Август|Сентябрь|Октябрь|Ноябрь|Декабрь) \d{4}$/);
      const chips = await s.texts("timeline-kind");
      assert.ok(chips.some((c) => /Записи о взаимодействии/.test(c)), `the chips are the core's kinds: ${chips}`);

      // «Добавить запись»: today by default, the text, saved; at the top of today's entries.
      await s.clickId("note-add");
      await s.find("note-form");
      assert.equal(await s.prop(await s.find("note-date"), "value"), todayRu(), "the date is today by default");
      await s.clickId("note-save");
      await s.waitText("error-text", /пустая/); // the core's Russian message under the field
      await s.fill("note-text", NOTE);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "timeline-note-form.png"))}`);
      const persons = await s.exec(`return [...document.querySelector('[data-testid="note-person"]').options].map((o) => o.value);`);
      if (persons.length > 1) await s.select("note-person", persons[1]);
      await s.clickId("note-save");
      await s.gone("note-form");
      await s.waitUntil(async () => (await entries(s)).some((e) => e.text.includes(NOTE)), { message: "the note is in the timeline" });
      const after = await entries(s);
      const at = after.findIndex((e) => e.text.includes(NOTE));
      const older = after.findIndex((e) => !e.future && !e.when.startsWith(todayRu()));
      assert.equal(after[at].kind, "note");
      assert.ok(after[at].when.startsWith(todayRu()), `dated today: ${after[at].when}`);
      assert.ok(older === -1 || at < older, `the note is above every older entry (at ${at}, older from ${older})`);
      assert.ok(after.slice(0, at).every((e) => e.future || e.when.startsWith(todayRu())), "only today's or planned entries are above it");
      assert.equal(after.length, before.length + 1, "one line more");

      await settle(s);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "timeline.png"))}`);

      // Only the notes: the new one first.
      await s.click(await s.findCss('[data-testid="timeline-kind"][data-kind="note"]'));
      await s.waitUntil(async () => (await entries(s)).every((e) => e.kind === "note"), { message: "only notes are listed" });
      assert.ok((await entries(s))[0].text.includes(NOTE), "the new note tops the notes");

      // Changed in place; removed with «Отменить», then back.
      await s.click(await s.findCss('[data-testid="timeline-entry"][data-kind="note"] [data-testid="note-edit"]'));
      await s.find("note-form");
      await s.fill("note-text", NOTE_EDITED);
      await s.clickId("note-save");
      await s.gone("note-form");
      await s.waitUntil(async () => (await entries(s))[0]?.text.includes(NOTE_EDITED), { message: "the note is changed" });
      const notes = (await entries(s)).length;
      await s.click(await s.findCss('[data-testid="timeline-entry"][data-kind="note"] [data-testid="note-delete"]'));
      await s.waitUntil(async () => (await entries(s)).length === notes - 1, { message: "the note is removed" });
      await s.clickId("toast-undo");
      await s.waitUntil(async () => (await entries(s))[0]?.text.includes(NOTE_EDITED), { message: "«Отменить» brings the note back" });

      // A click on an event line opens it in «Мероприятия».
      await s.clickId("timeline-kind-all");
      const event = (await s.$$('[data-testid="timeline-entry"][data-kind="event"] [data-testid="timeline-open"]'))[0];
      if (event) {
        const title = (await s.text(event)).trim();
        await s.click(event);
        const card = await s.find("event-card");
        assert.ok(card, "the event's card is open");
        await s.waitText("event-card-title", (x) => x.trim() === title);
        // Back to «Партнёры»: the card left open is still there.
        await s.clickId("nav-partners");
        await s.waitText("partner-card-title", (x) => x.trim() === a.title);
      } else {
        t.diagnostic("this demo partner has no events: the event click is not checked");
      }

      // «Связи»: a шефство with another partner.
      await s.clickId("tab-ties");
      await s.find("partner-ties");
      const tiesBefore = (await s.$$('[data-testid="tie-row"]')).length;
      await s.clickId("tie-add");
      await s.find("tie-form");
      const sides = await s.exec(`return [...document.querySelector('[data-testid="tie-side"]').options].map((o) => [o.value, o.text]);`);
      assert.deepEqual(
        sides.map(([v]) => v),
        ["partner", "institution"],
      );
      assert.match(sides[1][1], /наше учреждение/i, "the own institution is the other choice");
      // The other partner is searched as you type (the registry is never
      // loaded into the form), never the partner itself.
      const box = await s.find("tie-other");
      await s.click(box);
      const offered = await s.waitUntil(
        async () => {
          const list = await s.exec(
            `return [...document.querySelectorAll('[data-testid="tie-other-option"]')].map((o) => [Number(o.dataset.id), o.querySelector(".name").textContent.trim()]);`,
          );
          return list.length ? list : null;
        },
        { message: "partners are offered on a click" },
      );
      assert.ok(!offered.some(([id]) => id === a.id), "not the partner itself");
      assert.ok(offered.length <= 30, `a page of matches, not the registry: ${offered.length}`);
      const [otherId, otherName] = offered[offered.length - 1];
      await s.press(Keys.ESCAPE);
      await s.clickId("tie-save");
      await s.find("error-other");
      const typed = otherName.split(/[^\p{L}\d]+/u).sort((x, y) => y.length - x.length)[0];
      await s.type(box, typed);
      const option = await s.waitUntil(
        async () => {
          const answered = await s.exec(`return document.querySelector('#tie-other-list')?.dataset.answers ?? null;`);
          if (answered !== typed) return null;
          return (await s.$$(`[data-testid="tie-other-option"][data-id="${otherId}"]`))[0] ?? null;
        },
        { message: `«${otherName}» is found by «${typed}»` },
      );
      await s.click(option);
      await s.waitUntil(async () => (await s.prop(box, "value")) === otherName, { message: "the box shows the chosen partner" });
      await s.gone("error-other");
      await s.select("tie-kind", "other");
      await s.clickId("tie-save");
      await s.waitText("error-note", /другое/); // the core: «другое» needs a note
      await s.select("tie-kind", "patronage");
      await s.fill("tie-note", TIE_NOTE);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "ties-form.png"))}`);
      await s.clickId("tie-save");
      await s.gone("tie-form");
      await s.waitUntil(async () => (await s.$$('[data-testid="tie-row"]')).length === tiesBefore + 1, { message: "the tie is listed" });
      const row = (await s.texts("tie-row")).find((x) => x.includes(TIE_NOTE));
      assert.ok(row?.includes(otherName), `the row names the other partner: ${row}`);
      assert.match(row, /Шефство/);
      assert.match(row, /подшефная организация/, "this partner is the patron: the other one is «подшефная»");
      assert.match(row, new RegExp(`с ${todayRu().replaceAll(".", "\\.")}, бессрочно`));
      await settle(s);
      t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "ties.png"))}`);

      // The OTHER partner's card shows the same tie, with this partner's name.
      const link = await s.findCss('[data-testid="tie-row"] [data-testid="tie-other"] button');
      await s.click(link);
      await s.waitText("partner-card-title", (x) => x.trim() === otherName);
      await s.find("partner-ties");
      const mirrored = await s.waitUntil(async () => (await s.texts("tie-row")).find((x) => x.includes(TIE_NOTE)), {
        message: "the tie is on the other partner's card",
      });
      assert.ok(mirrored.includes(a.title), `the other card names «${a.title}»: ${mirrored}`);
      assert.match(mirrored, /— шеф/, "seen from the other card, this partner is the patron");

      // Changed there: an end before the start is refused by the core, a later one is kept.
      const mine = async () => {
        for (const r of await s.$$('[data-testid="tie-row"]')) if ((await s.text(r)).includes(TIE_NOTE)) return r;
        return null;
      };
      const inMine = async (testid) => s.findCss(`[data-testid="tie-row"][data-id="${await s.attr(await mine(), "data-id")}"] [data-testid="${testid}"]`);
      await s.click(await inMine("tie-edit"));
      await s.find("tie-form");
      await s.fill("tie-end", "01.01.2020");
      await s.click(await s.find("tie-note")); // leaving the date commits it
      await s.clickId("tie-save");
      await s.waitText("error-end", /раньше даты начала/);
      const endYear = new Date().getFullYear() + 1;
      await s.fill("tie-end", `31.05.${endYear}`);
      await s.click(await s.find("tie-note"));
      await s.clickId("tie-save");
      await s.gone("tie-form");
      await s.waitUntil(async () => (await s.text(await mine())).includes(`по 31.05.${endYear}`), { message: "the new end date is shown" });

      // Removed with «Отменить», then back.
      const ties = (await s.$$('[data-testid="tie-row"]')).length;
      await s.click(await inMine("tie-remove"));
      await s.waitUntil(async () => (await s.$$('[data-testid="tie-row"]')).length === ties - 1, { message: "the tie is removed" });
      await s.clickId("toast-undo");
      await s.waitUntil(async () => (await mine()) !== null, { message: "«Отменить» brings the tie back" });

      // …and in its «Хроника», whose line leads back to the tie.
      await s.clickId("tab-timeline");
      const tieLine = await s.findCss('[data-testid="timeline-entry"][data-kind="tie"] [data-testid="timeline-open"]');
      assert.match(await s.text(tieLine), /(Начало|Окончание) связи: шефство/);
      await s.click(tieLine);
      await s.find("partner-ties");
      await s.findCss('[data-testid="tie-row"].focused');

      // A change of the card leads to «История», at that change.
      await s.clickId("tab-timeline");
      await s.click(await s.findCss('[data-testid="timeline-entry"][data-kind="change"] [data-testid="timeline-open"]'));
      await s.find("history-table");
      await s.findCss('[data-testid="history-row"].focused');

      // At the smallest window both tabs still fit.
      if (await resize(s, t, 1024, 640)) {
        await s.clickId("tab-ties");
        await s.findCss('[data-testid="tie-row"]');
        const clipped = await overflowing(s, '[data-testid="tie-row"], .tabs, .page-body');
        assert.deepEqual(clipped, [], "nothing sticks out of «Связи» at 1024 px");
        await settle(s);
        t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "ties-narrow.png"))}`);
        // The form with its partner search fits too.
        await s.clickId("tie-add");
        await s.find("tie-form");
        const clippedForm = await overflowing(s, '[data-testid="tie-form"], [data-testid="tie-form"] .field');
        assert.deepEqual(clippedForm, [], "nothing sticks out of the tie form at 1024 px");
        // The list of matches opens over the form, inside the window.
        await s.click(await s.find("tie-other"));
        await s.findCss('[data-testid="tie-other-option"]');
        const inside = await s.exec(`return document.querySelector('#tie-other-list').getBoundingClientRect().right <= window.innerWidth;`);
        assert.ok(inside, "the partner list stays inside the window");
        t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "ties-form-narrow.png"))}`);
        await s.press(Keys.ESCAPE);
        await s.clickId("tie-cancel");
        await s.gone("tie-form");
        await s.clickId("tab-timeline");
        await s.findCss('[data-testid="timeline-entry"]');
        const clipped2 = await overflowing(s, '[data-testid="timeline-entry"], [data-testid="partner-timeline"] .head, .page-body');
        assert.deepEqual(clipped2, [], "nothing sticks out of «Хроника» at 1024 px");
        await settle(s);
        t.diagnostic(`screenshot: ${await s.screenshot(join(OUT, "timeline-narrow.png"))}`);
      }
    },
    { dataDir: dir },
  );
});
