// Drives GTK's native file dialogs as X windows (WebDriver cannot see them):
// find the dialog by its title with xdotool, give it the input focus, type a
// full path, press Return, or Escape to cancel. Under Xvfb there is no window
// manager, so focus is set directly.

import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUT } from "./harness.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** What the fake `xdg-open` (e2e/bin) was asked to open; scripts/e2e.sh sets the log. */
export const OPENED_LOG = process.env.E2E_OPENED_LOG ?? join(OUT, "opened.log");

export function openedFiles() {
  return existsSync(OPENED_LOG) ? readFileSync(OPENED_LOG, "utf8").split("\n").filter(Boolean) : [];
}

export function clearOpened() {
  writeFileSync(OPENED_LOG, "");
}

function xdo(...args) {
  return execFileSync("xdotool", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

function visibleWindows(title) {
  try {
    return xdo("search", "--onlyvisible", "--name", `^${title}$`).split("\n").filter(Boolean);
  } catch {
    return []; // xdotool exits 1 when nothing matches
  }
}

/** Waits for the dialog titled `title` to be shown; its X window id. */
export async function dialogWindow(title, { timeout = 15_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = visibleWindows(title);
    if (found.length > 0) return found[found.length - 1];
    if (Date.now() > deadline) {
      throw new Error(`the native dialog «${title}» did not appear within ${timeout} ms`);
    }
    await sleep(150);
  }
}

/** Waits until no dialog titled `title` is shown. */
export async function dialogGone(title, { timeout = 15_000 } = {}) {
  const deadline = Date.now() + timeout;
  while (visibleWindows(title).length > 0) {
    if (Date.now() > deadline) throw new Error(`the native dialog «${title}» is still shown after ${timeout} ms`);
    await sleep(150);
  }
}

/**
 * Types `text` into the focused field. A letter outside the keyboard map
 * (Cyrillic here) is typed alone with a pause after it: xdotool binds it to
 * a spare key for the moment, and a loaded GTK that reads the key after the
 * next letter's binding gets that letter («Схема» came out garbled).
 */
async function typeText(text) {
  for (const run of text.match(/[\x20-\x7e]+|[^\x20-\x7e]/g) ?? []) {
    xdo("type", "--delay", "15", run);
    if (!/^[\x20-\x7e]+$/.test(run)) await sleep(120);
  }
}

async function focus(wid) {
  xdo("windowfocus", "--sync", wid);
  await sleep(300); // GTK settles the focused entry
}

const GRAB = `
import sys, gi
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk
root = Gdk.get_default_root_window()
Gdk.pixbuf_get_from_window(root, 0, 0, root.get_width(), root.get_height()).savev(sys.argv[1], "png", [], [])
`;

/** The whole X screen (the app and its native dialog) as a PNG; best effort. */
export function screenShot(name) {
  try {
    execFileSync("/usr/bin/python3", ["-c", GRAB, join(OUT, name)], { stdio: "pipe" });
  } catch (e) {
    appendFileSync(join(OUT, "dialogs.log"), `no screen shot ${name}: ${e.message}\n`);
  }
}

/**
 * Saves: replaces the proposed name with `path` (or keeps it when null) and
 * presses Return; `shot` names a PNG of the screen with the dialog open.
 */
export async function answerSave(title, path = null, shot = null) {
  const wid = await dialogWindow(title);
  await focus(wid);
  if (shot) screenShot(shot);
  if (path !== null) {
    xdo("key", "--clearmodifiers", "ctrl+a");
    await typeText(path);
  }
  xdo("key", "Return");
  await dialogGone(title);
  appendFileSync(join(OUT, "dialogs.log"), `save «${title}» → ${path ?? "(proposed)"}\n`);
}

/**
 * Opens `path`: Ctrl+L brings GTK's location field, Ctrl+A selects what it
 * holds (a dialog may open with the field shown and filled), the path is
 * typed over it, Return. The pauses are for a loaded machine: a key that
 * reaches the file list instead of the field selects another file. `shot`
 * names a PNG of the screen with the path typed.
 */
export async function answerOpen(title, path, shot = null) {
  const wid = await dialogWindow(title);
  await focus(wid);
  xdo("key", "--clearmodifiers", "ctrl+l");
  await sleep(500);
  xdo("key", "--clearmodifiers", "ctrl+a");
  await sleep(150);
  await typeText(path);
  await sleep(500);
  if (shot) screenShot(shot);
  xdo("key", "Return");
  await dialogGone(title);
  appendFileSync(join(OUT, "dialogs.log"), `open «${title}» → ${path}\n`);
}

/** Cancels with Escape. */
export async function cancelDialog(title) {
  const wid = await dialogWindow(title);
  await focus(wid);
  xdo("key", "Escape");
  await dialogGone(title);
}
