// Pictures in brochures (issue 14 §6) in the real window, on the demo: the
// editor's «Изображение…» opens the native open dialog, the PNG chosen is
// copied into the data folder's images/ and «![Подпись](images/…)» goes in
// at the caret as its own paragraph, its caption selected; a file dropped
// onto the window (the shell's drop event, delivered to the page's listener
// as Tauri does) goes in after it; the live preview
// draws the picture (the pdf.js canvas has its red pixels; the caption and
// the placement are checked in tests/brochure_images.rs); a file that is
// not a picture is refused with a Russian toast naming it.
// Screenshots: brochure-image.png, brochure-image-narrow.png (1024×640).

import assert from "node:assert/strict";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { test } from "node:test";
import { cliDemo, newDataDir, OUT, resize, withApp } from "./harness.mjs";
import { answerOpen } from "./xdialog.mjs";

const TITLE = "Вставить изображение в брошюру";

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A `w` × `h` RGB PNG: a red left half, a blue right half (`right` colour). */
function png(w, h, right = [30, 60, 200]) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const at = y * (w * 3 + 1);
    for (let x = 0; x < w; x++) rows.set(x < w / 2 ? [220, 30, 40] : right, at + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const editorText = (s) => s.exec(`return document.querySelector('[data-testid="brochure-editor"]').value;`);

/** Red pixels drawn on the preview's pages, each scrolled into view first. */
const redPixels = (s) =>
  s.exec(
    `const pages = [...document.querySelectorAll('[data-testid="brochure-page"]')];
     let red = 0;
     for (const c of pages) {
       if (c.width === 0) continue;
       const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
       for (let i = 0; i < d.length; i += 4) if (d[i] > 180 && d[i + 1] < 90 && d[i + 2] < 90) red++;
     }
     return red;`,
  );

/** Green pixels drawn on the preview's pages (the dropped picture). */
const greenPixels = (s) =>
  s.exec(
    `let green = 0;
     for (const c of document.querySelectorAll('[data-testid="brochure-page"]')) {
       if (c.width === 0) continue;
       const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
       for (let i = 0; i < d.length; i += 4) if (d[i] < 90 && d[i + 1] > 160 && d[i + 2] < 110) green++;
     }
     return green;`,
  );

/** Scrolls the preview to the page with the most red pixels: the picture. */
const showPicture = (s) =>
  s.exec(
    `const pages = [...document.querySelectorAll('[data-testid="brochure-page"]')];
     let best = null, most = 0;
     for (const c of pages) {
       if (c.width === 0) continue;
       const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
       let red = 0;
       for (let i = 0; i < d.length; i += 4) if (d[i] > 180 && d[i + 1] < 90 && d[i + 2] < 90) red++;
       if (red > most) { most = red; best = c; }
     }
     best?.scrollIntoView({ block: "start" });
     return most;`,
  );

test("«Изображение…»: the native dialog, the picture copied and put at the caret, drawn in the preview", async (t) => {
  const dir = newDataDir("brochure-images");
  const viaCli = cliDemo(dir);
  // ASCII names: xdotool can drop a Cyrillic letter typed into GTK's field
  // on a loaded machine (a Russian caption: ui/src/lib/brochures/brochures.test.ts).
  const picture = join(dir, "shema-seti.png");
  writeFileSync(picture, png(640, 320));
  const dropped = join(dir, "Фото встречи.png");
  writeFileSync(dropped, png(640, 320, [30, 200, 60]));
  const notPicture = join(dir, "zametki.png");
  writeFileSync(notPicture, "это текст, а не рисунок");
  await withApp(
    t,
    async (s) => {
      await resize(s, t, 1280, 800);
      if (!viaCli) await s.clickId("demo-fill");
      await s.clickId("nav-documents");
      // The callbacks the page has before the editor listens for dropped files.
      const known = await s.exec(`return [...window.__TAURI_INTERNALS__.callbacks.keys()];`);
      await s.click(await s.findCss('[data-testid="brochure-row"] td'));
      await s.find("brochure-preview");
      await s.waitText("brochure-page-count", /из \d+|\d+ стр/, { timeout: 30000 });
      const before = await editorText(s);
      // The caret at the start of the body, right after the title block.
      const body = before.indexOf("\n---\n", 4) + 5;
      assert.ok(body > 5, "the demo brochure has a title block");
      await s.exec(
        `const ta = document.querySelector('[data-testid="brochure-editor"]');
         ta.focus(); ta.setSelectionRange(arguments[0], arguments[0]); return true;`,
        [body],
      );

      await s.clickId("brochure-image");
      await answerOpen(TITLE, picture);
      await s.waitUntil(async () => /!\[shema-seti\]\(images\/[0-9a-f]+\.png\)/.test(await editorText(s)), {
        message: "the picture's line is in the text",
      });
      const after = await editorText(s);
      const line = after.match(/!\[shema-seti\]\((images\/[0-9a-f]+\.png)\)/);
      // At the start of a line: a blank line before and after it, nothing else changed.
      const lead = before.slice(0, body).endsWith("\n\n") ? "" : "\n";
      const trail = before.slice(body).startsWith("\n") ? "\n" : "\n\n";
      assert.equal(after, before.slice(0, body) + lead + line[0] + trail + before.slice(body), "inserted at the caret");
      const selected = await s.exec(
        `const ta = document.querySelector('[data-testid="brochure-editor"]');
         return ta.value.slice(ta.selectionStart, ta.selectionEnd);`,
      );
      assert.equal(selected, "shema-seti", "the caption is selected, ready to be typed over");
      assert.ok(existsSync(join(dir, line[1])), `${line[1]} is in the data folder`);

      // The preview draws it: red pixels on a page, and its caption.
      await s.waitUntil(async () => (await redPixels(s)) > 500, { message: "the picture is drawn in the preview", timeout: 30000 });
      assert.equal((await s.$$('[data-testid="brochure-problem"]')).length, 0, "no problem shown");
      await showPicture(s);
      await s.screenshot(join(OUT, "brochure-image.png"));
      if (await resize(s, t, 1024, 640)) {
        await s.waitUntil(async () => (await redPixels(s)) > 200, { message: "still drawn at 1024 px", timeout: 30000 });
        await showPicture(s);
        await s.screenshot(join(OUT, "brochure-image-narrow.png"));
        await resize(s, t, 1280, 800);
      }

      // A file dropped onto the window: the shell's drop event (as Tauri
      // sends it from a real drag, its four listeners called alike; only the
      // drop's handler acts) puts it after the first one.
      // The listeners stay; an invoke's callbacks come and go: those new
      // since the editor opened and still there a moment later are listeners.
      const fresh = () =>
        s.exec(`const known = new Set(arguments[0]); return [...window.__TAURI_INTERNALS__.callbacks.keys()].filter((id) => !known.has(id));`, [
          known,
        ]);
      const first = await fresh();
      await new Promise((r) => setTimeout(r, 800));
      const listeners = (await fresh()).filter((id) => first.includes(id));
      const called = await s.exec(
        `const callbacks = window.__TAURI_INTERNALS__.callbacks;
         const event = { event: "tauri://drag-drop", id: 1, payload: { paths: [arguments[1]], position: { x: 300, y: 300 } } };
         return arguments[0].filter((id) => callbacks.has(id)).map((id) => (callbacks.get(id)(event), id));`,
        [listeners, dropped],
      );
      t.diagnostic(`drop delivered to new listeners ${JSON.stringify(called)} (${known.length} before)`);
      await s.waitUntil(async () => /!\[Фото встречи\]\(images\/[0-9a-f]+\.png\)/.test(await editorText(s)), {
        message: "the dropped picture's line is in the text",
      });
      const both = await editorText(s);
      assert.ok(
        both.includes(`${line[0]}\n\n![Фото встречи](`),
        "the dropped picture goes after the first one, its caption left alone",
      );
      await s.waitUntil(async () => (await greenPixels(s)) > 500, { message: "the dropped picture is drawn", timeout: 30000 });

      // Not a picture: refused, the text and the folder unchanged.
      const images = readdirSync(join(dir, "images")).length;
      await s.clickId("brochure-image");
      await answerOpen(TITLE, notPicture);
      const toast = await s.waitText("toast", /не является изображением PNG или JPEG/);
      t.diagnostic(toast);
      assert.match(toast, /zametki\.png/, "the toast names the file");
      assert.equal(await editorText(s), both, "the text is unchanged");
      assert.equal(readdirSync(join(dir, "images")).length, images, "nothing copied");
    },
    { dataDir: dir },
  );
});
