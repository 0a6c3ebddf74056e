// Shared set-up of the end-to-end tests: which binaries, where the output
// goes, and one fresh data folder + app window per test.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Session } from "./webdriver.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Screenshots and failure reports (gitignored). */
export const OUT = resolve(process.env.E2E_OUT ?? join(ROOT, "build", "e2e"));

const DEFAULT_TARGET = process.env.CARGO_TARGET_DIR ?? "/root/.cache/partnernet/target";
/** The app under test (scripts/e2e.sh sets E2E_APP). */
export const APP = resolve(process.env.E2E_APP ?? join(DEFAULT_TARGET, "debug", "partnernet-app"));
/** The headless CLI, used to prepare data folders when it is built. */
export const CLI = resolve(process.env.E2E_CLI ?? join(dirname(APP), "partnernet"));

if (!existsSync(APP)) {
  throw new Error(`E2E: the app binary ${APP} does not exist; build it or set E2E_APP (scripts/e2e.sh does).`);
}

export function newDataDir(tag) {
  return mkdtempSync(join(tmpdir(), `partnernet-e2e-${tag}-`));
}

/** Fills a data folder with the demo through the CLI; false if the CLI is not built. */
export function cliDemo(dir) {
  if (!existsSync(CLI)) return false;
  execFileSync(CLI, ["--data-dir", dir, "demo"], { stdio: ["ignore", "pipe", "pipe"] });
  return true;
}

export function cliPartnerCount(dir) {
  const out = execFileSync(CLI, ["--data-dir", dir, "partners", "list", "--json"], { encoding: "utf8" });
  return JSON.parse(out).length;
}

const slug = (name) => name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase();

/**
 * Runs `body(session, dataDir)` against a fresh app window on `dataDir`
 * (a new empty folder unless given). On failure it saves a screenshot and
 * the page text to build/e2e/ and keeps the data folder for a look.
 */
export async function withApp(t, body, { dataDir } = {}) {
  const dir = dataDir ?? newDataDir(slug(t.name).slice(0, 24));
  const session = await Session.start({ application: APP, args: ["--data-dir", dir] });
  let failed = true;
  try {
    await body(session, dir);
    failed = false;
  } catch (e) {
    const base = join(OUT, `failure-${slug(t.name)}`);
    try {
      await session.screenshot(`${base}.png`);
      writeFileSync(`${base}.txt`, `${e.stack ?? e}\n\n--- page text ---\n${await session.pageText()}\n`);
      e.message += `\n(screenshot: ${base}.png; data folder kept: ${dir})`;
    } catch (inner) {
      e.message += `\n(no failure screenshot: ${inner.message}; data folder kept: ${dir})`;
    }
    throw e;
  } finally {
    await session.end();
    if (!failed) rmSync(dir, { recursive: true, force: true });
  }
}

/** A 10-digit ИНН with a valid check digit for the first nine digits given. */
export function inn10(nine) {
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = [...nine].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return nine + String((sum % 11) % 10);
}

/** The same ИНН with a wrong check digit. */
export function badInn10(nine) {
  const good = inn10(nine);
  return nine + String((Number(good[9]) + 2) % 10);
}

export const count = (text) => Number((text.match(/\d[\d\s\u00a0\u202f]*/) ?? ["NaN"])[0].replace(/\D/g, ""));

/**
 * The row of the plan table (Отчёты) whose text has `text`. The table draws
 * only the rows in view, so it is scrolled a screen at a time until the row
 * is drawn; the row is then brought to the middle.
 */
export async function findPlanRow(s, text, { timeout = 20_000 } = {}) {
  return s.waitUntil(
    async () => {
      for (const r of await s.$$('[data-testid="plan-row"]')) {
        if ((await s.text(r)).includes(text)) {
          await s.exec(`arguments[0].scrollIntoView({ block: "center" });`, [{ "element-6066-11e4-a52e-4f735466cecf": r }]);
          return r;
        }
      }
      // Rows still on their way from the core: wait for them before scrolling on.
      await s.exec(`const b = document.querySelector('[data-testid="plan-table"] .plan-body');
        if (b && b.querySelector('[data-testid="plan-row-pending"]')) return;
        if (b) b.scrollTop = b.scrollTop + b.clientHeight >= b.scrollHeight - 1 ? 0 : b.scrollTop + b.clientHeight - 46;`);
      return null;
    },
    { timeout, interval: 150, message: `a row of the plan has «${text}» (scrolled through the table)` },
  );
}

/** Resizes the window (e.g. to the minimum 1024×640); false, with a note, where the driver cannot. */
export async function resize(s, t, width, height) {
  try {
    await s.cmd("POST", "/window/rect", { width, height });
    await s.waitUntil(async () => (await s.exec(`return window.innerWidth;`)) <= width + 10, { message: `the window is ${width} px wide` });
    return true;
  } catch (e) {
    t.diagnostic(`window not resized: ${e.message}`);
    return false;
  }
}
