// A tiny W3C WebDriver client over fetch, enough to drive the PartnerNet
// window through tauri-driver (→ WebKitWebDriver). No dependencies.
//
//   const s = await Session.start({ application: BIN, args: ["--data-dir", dir] });
//   await s.click(await s.find("partner-new"));
//   await s.end();

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export const DRIVER_URL = process.env.E2E_DRIVER_URL ?? "http://127.0.0.1:4444";
/** Default time a wait helper waits before it fails. */
export const WAIT_MS = Number(process.env.E2E_WAIT_MS ?? 10_000);

/** Keys of the WebDriver spec (send them inside the text of sendKeys). */
export const Keys = {
  CONTROL: "\uE009",
  ENTER: "\uE007",
  ESCAPE: "\uE00C",
  TAB: "\uE004",
  BACKSPACE: "\uE003",
};

export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(`WebDriver ${method} ${path} → ${status} ${value?.error ?? ""}: ${value?.message ?? JSON.stringify(value)}`);
    this.error = value?.error;
  }
}

/** No single WebDriver command may take longer than this (a hung driver fails the test, not the run). */
const REQUEST_MS = Number(process.env.E2E_REQUEST_MS ?? 45_000);

async function request(method, url, body) {
  let res;
  try {
    res = await fetch(url, {
      method,
      signal: AbortSignal.timeout(REQUEST_MS),
      headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    const why = e.name === "TimeoutError" ? `no answer within ${REQUEST_MS} ms` : e.cause?.code ?? e.message;
    throw new WebDriverError(method, new URL(url).pathname, "—", { error: "no answer", message: why });
  }
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new WebDriverError(method, url, res.status, { message: text.slice(0, 500) });
  }
  if (!res.ok || (json.value && json.value.error)) {
    throw new WebDriverError(method, new URL(url).pathname, res.status, json.value);
  }
  return json.value;
}

/** An element id as a script argument. */
export const ref = (el) => ({ [ELEMENT]: el });

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const css = (testid) => `[data-testid="${testid}"]`;

export class Session {
  constructor(id, base = DRIVER_URL) {
    this.id = id;
    this.base = base;
  }

  /** Starts the app: `application` is the binary, `args` its command line. */
  static async start({ application, args = [], base = DRIVER_URL, timeoutMs = 30_000 }) {
    const caps = { capabilities: { alwaysMatch: { "tauri:options": { application, args } } } };
    const deadline = Date.now() + timeoutMs;
    let refusals = 0;
    for (;;) {
      try {
        const value = await request("POST", `${base}/session`, caps);
        const s = new Session(value.sessionId, base);
        // Implicit waits stay 0: the helpers below poll themselves with clear messages.
        await s.cmd("POST", "/timeouts", { implicit: 0, script: 15_000, pageLoad: 30_000 });
        return s;
      } catch (e) {
        // Right after start-up the native driver may still refuse connections;
        // a refused session (the app did not start) is tried once more.
        if (e.error !== "no answer" && ++refusals > 1) throw e;
        if (Date.now() > deadline) throw e;
        await sleep(500);
      }
    }
  }

  cmd(method, path, body) {
    return request(method, `${this.base}/session/${this.id}${path}`, body ?? (method === "POST" ? {} : undefined));
  }

  async end() {
    try {
      await request("DELETE", `${this.base}/session/${this.id}`);
    } catch {
      // the app may already be gone
    }
  }

  // ---- elements -------------------------------------------------------

  /** All elements matching a CSS selector right now (no waiting). */
  async $$(selector) {
    const list = await this.cmd("POST", "/elements", { using: "css selector", value: selector });
    return list.map((e) => e[ELEMENT]);
  }

  /** The element with this data-testid, waiting until it exists. */
  async find(testid, opts = {}) {
    return this.findCss(css(testid), { what: `[data-testid="${testid}"]`, ...opts });
  }

  async findCss(selector, { timeout = WAIT_MS, what = selector, visible = true } = {}) {
    let found = null;
    await this.waitUntil(
      async () => {
        for (const el of await this.$$(selector)) {
          if (!visible || (await this.displayed(el))) {
            found = el;
            return true;
          }
        }
        return false;
      },
      { timeout, message: `element ${what}${visible ? " (visible)" : ""} did not appear` },
    );
    return found;
  }

  /** Waits until no visible element has this data-testid. */
  async gone(testid, { timeout = WAIT_MS } = {}) {
    await this.waitUntil(
      async () => {
        for (const el of await this.$$(css(testid))) {
          try {
            if (await this.displayed(el)) return false;
          } catch {
            // stale: it is going away
          }
        }
        return true;
      },
      { timeout, message: `element [data-testid="${testid}"] did not go away` },
    );
  }

  displayed(el) {
    // WebKitWebDriver implements the spec's "is displayed" atom here.
    return this.cmd("GET", `/element/${el}/displayed`);
  }

  /**
   * Clicks like a person. A toast or a closing dialog may cover the element for
   * a moment: such clicks are retried until the timeout.
   */
  async click(el, { timeout = WAIT_MS } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      try {
        await this.cmd("POST", `/element/${el}/click`);
        return;
      } catch (e) {
        const retry = e.error === "element click intercepted" || e.error === "element not interactable";
        if (!retry || Date.now() > deadline) throw e;
        await sleep(200);
      }
    }
  }

  async clickId(testid, opts) {
    const el = await this.find(testid, opts);
    await this.click(el);
    return el;
  }

  async clear(el) {
    await this.cmd("POST", `/element/${el}/clear`);
  }

  async type(el, text) {
    await this.cmd("POST", `/element/${el}/value`, { text, value: [...text] });
  }

  /** Clears a field and types into it (through real key events, so Svelte's bindings see it). */
  async fill(testid, text) {
    const el = await this.find(testid);
    await this.clear(el);
    if (text) await this.type(el, text);
    return el;
  }

  /**
   * The element's rendered text. Read as innerText: WebKitWebDriver's own
   * /text returned only "—" for a CSS-grid row of the partners table.
   */
  text(el) {
    return this.exec(`return arguments[0].innerText;`, [ref(el)]);
  }

  /** The element's text as WebKitWebDriver's /text endpoint computes it. */
  driverText(el) {
    return this.cmd("GET", `/element/${el}/text`);
  }

  attr(el, name) {
    return this.cmd("GET", `/element/${el}/attribute/${encodeURIComponent(name)}`);
  }

  prop(el, name) {
    return this.cmd("GET", `/element/${el}/property/${encodeURIComponent(name)}`);
  }

  /** Runs a synchronous script; pass elements as `ref(el)`. */
  exec(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  /** Sets a <select> the way a person would, firing input and change. */
  async select(testid, value) {
    const el = await this.find(testid);
    await this.exec(
      `const s = arguments[0]; s.focus(); s.value = arguments[1];
       s.dispatchEvent(new Event("input", { bubbles: true }));
       s.dispatchEvent(new Event("change", { bubbles: true }));`,
      [ref(el), value],
    );
    return el;
  }

  /** Presses keys (e.g. Keys.CONTROL + "f") on whatever has the focus, through the Actions API. */
  async press(...keys) {
    const down = keys.map((k) => ({ type: "keyDown", value: k }));
    const up = [...keys].reverse().map((k) => ({ type: "keyUp", value: k }));
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions: [...down, ...up] }] });
    await this.cmd("DELETE", "/actions").catch(() => {});
  }

  /** The focused element. */
  async active() {
    return (await this.cmd("GET", "/element/active"))[ELEMENT];
  }

  /** data-testid of the focused element ("" when none has one). */
  activeTestId() {
    return this.exec(`return document.activeElement?.getAttribute("data-testid") ?? "";`);
  }

  pageText() {
    return this.exec(`return document.body ? document.body.innerText : "";`);
  }

  /**
   * Saves a PNG of the window. WebKitWebDriver answers a screenshot after the
   * page's next rendering update, and a page that is completely still (the
   * welcome screen) never has one: the request hangs. So a few frames of an
   * invisible 1-px change are set going first.
   */
  async screenshot(file) {
    await this.exec(`
      const d = document.createElement("div");
      d.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;opacity:0.01;pointer-events:none;z-index:-1";
      document.body.appendChild(d);
      let n = 0;
      const step = () => {
        d.style.transform = "translateX(" + (n % 2) + "px)";
        if (++n < 30) requestAnimationFrame(step);
        else d.remove();
      };
      requestAnimationFrame(step);`);
    const b64 = await this.cmd("GET", "/screenshot");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(b64, "base64"));
    return file;
  }

  // ---- waiting --------------------------------------------------------

  /**
   * Polls `fn` until it returns a truthy value (which is returned); on timeout
   * fails with `message` and the text of the page, so a failure says where it was.
   */
  async waitUntil(fn, { timeout = WAIT_MS, interval = 100, message = "condition not met" } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const v = await fn();
        if (v) return v;
      } catch (e) {
        last = e;
        // A stale element or a page mid-render: try again.
      }
      if (Date.now() > deadline) break;
      await sleep(interval);
    }
    let page = "";
    try {
      page = (await this.pageText()).replace(/\n{2,}/g, "\n").slice(0, 3000);
    } catch (e) {
      page = `(page text unavailable: ${e.message})`;
    }
    const why = last ? `\nlast error: ${last.message}` : "";
    throw new Error(`Timed out after ${timeout} ms: ${message}${why}\n--- page text ---\n${page}\n---`);
  }

  /** Waits until the element's text satisfies `pred` (a string to contain, a RegExp, or a function). */
  async waitText(testid, pred, opts = {}) {
    const test =
      typeof pred === "string" ? (t) => t.includes(pred) : pred instanceof RegExp ? (t) => pred.test(t) : pred;
    let seen = "(not found)";
    await this.waitUntil(
      async () => {
        const els = await this.$$(css(testid));
        if (!els.length) return false;
        seen = await this.text(els[0]);
        return test(seen);
      },
      { message: `text of [data-testid="${testid}"] did not match ${pred}; last seen: ${JSON.stringify(seen)}`, ...opts },
    );
    return seen;
  }

  /** The texts of every element with this data-testid. */
  async texts(testid) {
    return this.exec(
      `return [...document.querySelectorAll(arguments[0])].map((e) => e.innerText);`,
      [css(testid)],
    );
  }
}
